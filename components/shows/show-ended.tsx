import Link from "next/link";

/** The end screen; an operator's stop says so (EndReason OPERATOR). */
export function ShowEnded({ title, reason }: { title: string; reason?: string | null }) {
  const byOperator = reason === "OPERATOR";
  return (
    <div data-testid="show-ended" data-reason={reason ?? undefined} className="rounded-lg border border-zinc-800 bg-zinc-900 p-8 text-center">
      <h1 className="text-xl font-semibold">{byOperator ? "This show was ended by an operator" : "This show has ended"}</h1>
      <p className="mt-2 text-zinc-400">“{title}” is over. Thanks for watching!</p>
      <Link href="/" className="mt-4 inline-block text-brand hover:underline">
        See who else is live
      </Link>
    </div>
  );
}

/** Shown to someone an operator removed from the room (e.g. a ban). */
export function RemovedFromShow() {
  return (
    <div data-testid="removed-from-show" className="rounded-lg border border-red-900 bg-zinc-900 p-8 text-center">
      <h1 className="text-xl font-semibold">You were removed from this show</h1>
      <p className="mt-2 text-zinc-400">An operator disconnected you.</p>
      <Link href="/" className="mt-4 inline-block text-brand hover:underline">
        Back to the live shows
      </Link>
    </div>
  );
}
