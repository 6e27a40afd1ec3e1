import Link from "next/link";

export default function ReplayNotFound() {
  return (
    <div data-testid="replay-not-found" className="rounded-lg border border-zinc-800 bg-zinc-900 p-8 text-center">
      <h1 className="text-xl font-semibold">No replay</h1>
      <p className="mt-2 text-zinc-400">This show has no recording to replay (or it has not ended yet).</p>
      <Link href="/" className="mt-4 inline-block text-brand hover:underline">
        See who is live
      </Link>
    </div>
  );
}
