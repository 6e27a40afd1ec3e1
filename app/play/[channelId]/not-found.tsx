import Link from "next/link";

export default function ChannelNotFound() {
  return (
    <div data-testid="channel-not-found" className="rounded-lg border border-zinc-800 bg-zinc-900 p-8 text-center">
      <h1 className="text-xl font-semibold">This link is not live</h1>
      <p className="mt-2 text-zinc-400">The channel does not exist, or it was released an hour after its last push.</p>
      <Link href="/" className="mt-4 inline-block text-brand hover:underline">
        See who is live
      </Link>
    </div>
  );
}
