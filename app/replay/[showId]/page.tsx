import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReplayView } from "@/components/replay/replay-view";
import { replayOf } from "@/lib/recording/replay";
import { replayEventsOf } from "@/lib/recording/replay-events";

type Props = { params: Promise<{ showId: string }> };

export const metadata: Metadata = { title: "Replay" };
export const dynamic = "force-dynamic";

/** An ended show's recordings played as one show, its chat and gifts in sync (no login, like the HLS page). */
export default async function ReplayPage({ params }: Props) {
  const { showId } = await params;
  const replay = /^[a-z0-9]{20,32}$/.test(showId) ? await replayOf(showId) : null;
  if (!replay) notFound();
  const events = await replayEventsOf(replay.showId);
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{replay.title}</h1>
        <p className="text-sm text-zinc-400">
          {replay.hostName} · room {replay.roomNumber} · replay of {new Date(replay.startedAt).toUTCString()}
        </p>
      </header>
      <ReplayView replay={replay} events={events} />
    </section>
  );
}
