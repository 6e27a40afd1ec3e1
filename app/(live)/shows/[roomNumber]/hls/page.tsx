import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HlsWatch } from "@/components/hls/hls-watch";
import { ShowEnded } from "@/components/shows/show-ended";
import { playbackOfShow } from "@/lib/push/playback";
import { getShowByRoomNumber } from "@/lib/shows/get-show";
import { roomNumberSchema } from "@/lib/shows/schema";

type Props = { params: Promise<{ roomNumber: string }> };

export const metadata: Metadata = { title: "Watch (HLS)" };
// Every visitor gets a link signed for them: never a cached page.
export const dynamic = "force-dynamic";

/** The plain HLS stream of a show: shareable, no login, a few seconds behind live. */
export default async function HlsWatchPage({ params }: Props) {
  const parsed = roomNumberSchema.safeParse((await params).roomNumber);
  if (!parsed.success) notFound();
  const show = await getShowByRoomNumber(parsed.data);
  if (!show) notFound();
  if (show.status !== "LIVE") return <ShowEnded title={show.title} />;
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{show.title}</h1>
        <p className="text-sm text-zinc-400">
          {show.host.name} · room {show.roomNumber} · HLS
        </p>
      </header>
      <HlsWatch playback={await playbackOfShow(show)} />
    </section>
  );
}
