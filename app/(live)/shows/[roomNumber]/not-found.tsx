import Link from "next/link";

export default function ShowNotFound() {
  return (
    <div className="rounded-lg border border-zinc-800 bg-zinc-900 p-8 text-center">
      <h1 className="text-xl font-semibold">No such show</h1>
      <p className="mt-2 text-zinc-400">There is no show with that room number.</p>
      <Link href="/" className="mt-4 inline-block text-brand hover:underline">
        See who is live
      </Link>
    </div>
  );
}
