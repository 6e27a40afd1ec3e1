export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid="form-error" className="rounded border border-red-800 bg-red-950 px-3 py-2 text-sm text-red-300">
      {message}
    </p>
  );
}
