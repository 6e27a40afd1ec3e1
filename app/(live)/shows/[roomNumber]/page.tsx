import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShowEnded } from "@/components/shows/show-ended";
import { ViewerRoom } from "@/components/room/viewer-room";
import { getCurrentUser } from "@/lib/auth/session";
import { currentHlsPlaylist } from "@/lib/egress/hls";
import { getShowByRoomNumber } from "@/lib/shows/get-show";
import { roomNumberSchema } from "@/lib/shows/schema";

type Props = { params: Promise<{ roomNumber: string }> };

async function loadShow(params: Props["params"]) {
  const parsed = roomNumberSchema.safeParse((await params).roomNumber);
  if (!parsed.success) notFound();
  const show = await getShowByRoomNumber(parsed.data);
  if (!show) notFound();
  return show;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const show = await loadShow(params);
  return { title: show.title };
}

export default async function WatchPage({ params }: Props) {
  const show = await loadShow(params);
  if (show.status !== "LIVE") return <ShowEnded title={show.title} />;

  const user = await getCurrentUser();
  // Signed-in viewers get their LiveKit token from the token route, asked by the browser as
  // early as it can: on the click in the room list, so connecting overlaps this very answer
  // (components/room/viewer-join.ts). Visitors are offered to log in, or the HLS stream.
  const hlsAvailable = !user && (await currentHlsPlaylist(show)) !== null;
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{show.title}</h1>
        <p className="text-sm text-zinc-400">
          {show.host.name} · room {show.roomNumber}
        </p>
      </header>
      {user ? (
        <ViewerRoom
          roomNumber={show.roomNumber}
          title={show.title}
          hostIdentity={show.host.id}
          initialViewers={show.viewerCount}
          initialHostAway={show.hostAwaySince !== null}
        />
      ) : (
        <div className="rounded-lg border border-zinc-800 bg-zinc-900 p-8 text-center">
          <p>Log in to watch with sub-second delay, chat and send hearts.</p>
          <Link
            href={`/login?callbackUrl=${encodeURIComponent(`/shows/${show.roomNumber}`)}`}
            className="mt-3 inline-block text-brand hover:underline"
          >
            Log in to watch
          </Link>
          {hlsAvailable ? (
            <p className="mt-3 text-sm text-zinc-400">
              or{" "}
              <Link href={`/shows/${show.roomNumber}/hls`} className="text-brand hover:underline">
                watch the stream without an account
              </Link>{" "}
              (a few seconds behind)
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
