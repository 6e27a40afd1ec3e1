import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShowEnded } from "@/components/shows/show-ended";
import { ViewerRoom } from "@/components/room/viewer-room";
import { getCurrentUser } from "@/lib/auth/session";
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
        </div>
      )}
    </section>
  );
}
