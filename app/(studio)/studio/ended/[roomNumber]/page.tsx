import { formatDuration, intervalToDuration } from "date-fns";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordingList } from "@/components/recording/recording-list";
import { StageGuestList } from "@/components/stage/stage-guest-list";
import { ShowGiftStats } from "@/components/gifts/show-gift-stats";
import { EndedByScreening } from "@/components/screening/ended-by-screening";
import { AwaitShowEnd } from "@/components/studio/await-show-end";
import { can, showRoleOf } from "@/lib/auth/permissions";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { recordingsOfShow } from "@/lib/recording/replay";
import { countMessages } from "@/lib/chat/messages";
import { endedByScreening } from "@/lib/screening/host-notice";
import { getShowByRoomNumber } from "@/lib/shows/get-show";
import { roomNumberSchema } from "@/lib/shows/schema";
import { guestsOfShow } from "@/lib/stage/state";

export const metadata: Metadata = { title: "Show summary" };

function Stat({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <div className="rounded-lg border border-zinc-800 bg-zinc-900 p-4">
      <dt className="text-sm text-zinc-400">{label}</dt>
      <dd data-testid={testId} className="text-2xl font-semibold">
        {value}
      </dd>
    </div>
  );
}

export default async function ShowSummaryPage({ params }: { params: Promise<{ roomNumber: string }> }) {
  const raw = (await params).roomNumber;
  const user = await requireUserOrRedirect(`/studio/ended/${raw}`);
  const roomNumber = roomNumberSchema.safeParse(raw);
  if (!roomNumber.success) notFound();
  const show = await getShowByRoomNumber(roomNumber.data);
  // Only the host (or an operator) sees how a show went.
  if (!show || !can(showRoleOf(user, show), "show.summary")) notFound();
  if (show.status === "LIVE") return <AwaitShowEnd />;

  const guests = await guestsOfShow(show.id);
  const messages = await countMessages(show.id);
  const duration = formatDuration(intervalToDuration({ start: show.startedAt, end: show.endedAt ?? show.startedAt })) || "0 seconds";
  return (
    <section className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Your show has ended</h1>
        <p className="text-zinc-400">
          “{show.title}” · room {show.roomNumber}
        </p>
        {show.endReason === "OPERATOR" ? (
          <p data-testid="ended-by-operator" className="mt-2 text-amber-300">
            An operator ended this show.
          </p>
        ) : null}
      </header>
      {show.endReason === "SCREENING" && show.hostId === user.id ? (
        <EndedByScreening roomNumber={show.roomNumber} appealed={(await endedByScreening(show.id)).appealed} />
      ) : null}
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Duration" value={duration} testId="stat-duration" />
        <Stat label="Peak viewers" value={show.peakViewers} testId="stat-peak" />
        <Stat label="Unique viewers" value={show.uniqueViewers} testId="stat-unique" />
        <Stat label="Likes" value={show.likes} testId="stat-likes" />
        <Stat label="Messages" value={messages} testId="stat-messages" />
      </dl>
      <RecordingList roomNumber={show.roomNumber} showId={show.id} initial={await recordingsOfShow(show.id)} />
      <StageGuestList guests={guests} />
      <ShowGiftStats show={show} />
      <Link href="/studio" className="text-brand hover:underline">
        Go live again
      </Link>
    </section>
  );
}
