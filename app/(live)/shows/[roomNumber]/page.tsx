import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShowEnded } from "@/components/shows/show-ended";
import { ViewerRoom } from "@/components/room/viewer-room";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { currentHlsPlaylist } from "@/lib/egress/hls";
import { AppError } from "@/lib/errors";
import { getShowByRoomNumber } from "@/lib/shows/get-show";
import { joinShowAsViewer } from "@/lib/shows/join-show";
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

/** The viewer's connection, or the reason they may not have one right now (too many joins). */
async function viewerConnection(user: SessionUser, roomNumber: number) {
  try {
    return { connection: await joinShowAsViewer(user, roomNumber), refusal: null };
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return { connection: null, refusal: error.message };
    throw error;
  }
}

export default async function WatchPage({ params }: Props) {
  const show = await loadShow(params);
  if (show.status !== "LIVE") return <ShowEnded title={show.title} reason={show.endReason} />;

  const user = await getCurrentUser();
  // Minted in the server render (not fetched after hydration): it saves a round trip on join.
  // This page is per user and never cached; the token lives 5 minutes and only subscribes.
  const { connection, refusal } = user ? await viewerConnection(user, show.roomNumber) : { connection: null, refusal: null };
  const hlsAvailable = !user && (await currentHlsPlaylist(show)) !== null;
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{show.title}</h1>
        <p className="text-sm text-zinc-400">
          {show.host.name} · room {show.roomNumber}
        </p>
      </header>
      {refusal ? (
        <p role="alert" className="rounded-lg border border-amber-700 bg-amber-950 p-4 text-amber-200">
          {refusal}
        </p>
      ) : connection ? (
        <ViewerRoom
          connection={connection}
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
