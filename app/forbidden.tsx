import Link from "next/link";

export default function Forbidden() {
  return (
    <div data-testid="forbidden" className="rounded-lg border border-zinc-800 bg-zinc-900 p-8 text-center">
      <h1 className="text-xl font-semibold">Not for your account</h1>
      <p className="mt-2 text-zinc-400">This page is for the operators of Suixin.</p>
      <Link href="/" className="mt-4 inline-block text-brand hover:underline">
        See who is live
      </Link>
    </div>
  );
}
