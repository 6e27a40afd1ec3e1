import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GiftOverlay } from "@/components/gifts/gift-overlay";
import { GiftShelf } from "@/components/gifts/gift-shelf";
import { LiveGiftBoard } from "@/components/gifts/live-gift-board";
import { ShowEnded } from "@/components/shows/show-ended";
import { ReportShowButton } from "@/components/moderation/report-show-button";
import { ViewerRoom } from "@/components/room/viewer-room";
import { OperatorScreeningPanel } from "@/components/screening/operator-panel";
import { can, showRoleOf } from "@/lib/auth/permissions";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { chatRoomOnPage } from "@/lib/chat/room-state";
import { currentHlsPlaylist } from "@/lib/egress/hls";
import { shelfGifts } from "@/lib/gifts/catalog";
import { showGiftTotal, showLeaderboard } from "@/lib/gifts/leaderboard";
import { enabledPaymentMethods } from "@/lib/payments/providers";
import { isShowBlurred } from "@/lib/screening/blur-state";
import { type ShowDetails, getShowByRoomNumber } from "@/lib/shows/get-show";
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

/** The gift parts of the room: animations, the board, and the shelf for everyone but the host. */
async function giftSlots(user: SessionUser, show: ShowDetails) {
  const [totals, leaderboard, gifts, methods] = await Promise.all([
    showGiftTotal(show.id),
    showLeaderboard(show.id),
    shelfGifts(),
    enabledPaymentMethods(),
  ]);
  return {
    stage: <GiftOverlay />,
    belowStage: can(showRoleOf(user, show), "show.gift") ? <GiftShelf roomNumber={show.roomNumber} gifts={gifts} methods={methods} /> : null,
    aside: <LiveGiftBoard roomNumber={show.roomNumber} initial={{ gifts: totals.gifts, coins: totals.coins, leaderboard }} />,
  };
}

export default async function WatchPage({ params }: Props) {
  const show = await loadShow(params);
  if (show.status !== "LIVE") return <ShowEnded title={show.title} reason={show.endReason} />;

  const user = await getCurrentUser();
  // Signed-in viewers get their LiveKit token from the token route, asked by the browser as
  // early as it can: on the click in the room list, so connecting overlaps this very answer
  // (components/room/viewer-join.ts). Visitors are offered to log in, or the HLS stream.
  // The last messages come with the page, not in a request after it.
  const chat = user ? await chatRoomOnPage(user, show) : null;
  const hlsAvailable = !user && (await currentHlsPlaylist(show)) !== null;
  const slots = user ? await giftSlots(user, show) : undefined;
  const reviewer = user !== null && can(showRoleOf(user, show), "screening.review");
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{show.title}</h1>
        <p className="flex flex-wrap items-center gap-x-3 text-sm text-zinc-400">
          <span>
            {show.host.name} · room {show.roomNumber}
          </span>
          {user && can(showRoleOf(user, show), "show.report") ? <ReportShowButton roomNumber={show.roomNumber} /> : null}
        </p>
      </header>
      {user && chat ? (
        <ViewerRoom
          roomNumber={show.roomNumber}
          title={show.title}
          hostIdentity={show.host.id}
          initialViewers={show.viewerCount}
          initialHostAway={show.hostAwaySince !== null}
          initialBlurred={await isShowBlurred(show.id)}
          slots={slots}
          chat={chat}
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
      {reviewer ? <OperatorScreeningPanel roomNumber={show.roomNumber} /> : null}
    </section>
  );
}
