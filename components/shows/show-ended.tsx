import Link from "next/link";

export function ShowEnded({ title }: { title: string }) {
  return (
    <div data-testid="show-ended" className="rounded-lg border border-zinc-800 bg-zinc-900 p-8 text-center">
      <h1 className="text-xl font-semibold">This show has ended</h1>
      <p className="mt-2 text-zinc-400">“{title}” is over. Thanks for watching!</p>
      <Link href="/" className="mt-4 inline-block text-brand hover:underline">
        See who else is live
      </Link>
    </div>
  );
}
