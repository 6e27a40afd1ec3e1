import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HlsWatch } from "@/components/hls/hls-watch";
import { playbackOfChannel } from "@/lib/push/playback";

type Props = { params: Promise<{ channelId: string }> };

export const metadata: Metadata = { title: "Watch" };
export const dynamic = "force-dynamic";

/**
 * A host's playback link (their HLS channel): whatever they push on it now, across restarts of
 * the push within the channel's hold. No login.
 */
export default async function ChannelPlayPage({ params }: Props) {
  const { channelId } = await params;
  const found = /^[a-z0-9]{20,32}$/.test(channelId) ? await playbackOfChannel(channelId) : null;
  if (!found) notFound();
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{found.state === "playing" ? found.title : `${found.hostName}'s channel`}</h1>
        <p className="text-sm text-zinc-400">
          {found.hostName}
          {found.state === "playing" ? ` · room ${found.playback.roomNumber}` : " · not live right now"}
        </p>
      </header>
      <HlsWatch playback={found.state === "playing" ? found.playback : null} />
    </section>
  );
}
