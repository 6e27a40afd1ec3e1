export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto mt-10 max-w-sm rounded-lg border border-zinc-800 bg-zinc-900 p-6">{children}</div>;
}
