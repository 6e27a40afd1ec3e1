import "server-only";
import { recordAudit, showTarget } from "@/lib/admin/audit";
import { db, isUniqueViolation } from "@/lib/db";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import type { ScreeningAction } from "@/lib/generated/prisma/enums";
import { type ClassScores, type RuleMatch, type ScreeningActionName, describeMatch } from "@/lib/screening/rules";
import { hostIdentity } from "@/lib/shows/identity";
import { endShowIn } from "@/lib/shows/end-show";

// The automatic actions of screening, one function each: flag (a review item), blur (viewers'
// players, until an operator decides), end (the show). Each writes its audit entry (actor: the
// system) in the transaction of the change, so the log has it if and only if it happened.

export type ScreenedShow = { id: string; roomNumber: number; title: string; hostId: string };

/** The sample that matched: what the review item keeps as evidence. */
export type Evidence = { sampleId: string; participantIdentity: string; scores: ClassScores; frameFile: string | null };

const DB_ACTION: Record<ScreeningActionName, ScreeningAction> = { flag: "FLAG", blur: "BLUR", end: "END" };
const RANK: Record<ScreeningAction, number> = { FLAG: 0, BLUR: 1, END: 2 };

/** What the host is told: the class, not the scores (those are for operators). */
export function hostReason(className: string): string {
  return `Automatic screening classified your picture as “${className}”.`;
}

/**
 * Raises a review item for the show, or counts another hit on its open one (one open flag per
 * show); a stronger action replaces the evidence. Tells the host when the flag is new or stronger.
 */
export async function flagShow(show: ScreenedShow, match: RuleMatch, evidence: Evidence, action: ScreeningActionName): Promise<void> {
  const dbAction = DB_ACTION[action];
  const details = {
    action: dbAction,
    className: match.rule.class,
    score: match.score,
    threshold: match.rule.threshold,
    reason: describeMatch(match),
    scores: evidence.scores,
    frameFile: evidence.frameFile,
    sampleId: evidence.sampleId,
    participantIdentity: evidence.participantIdentity,
  };
  const write = () =>
    db.$transaction(async (tx) => {
      const open = await tx.screeningFlag.findFirst({ where: { showId: show.id, status: "OPEN" }, select: { id: true, action: true } });
      const id = open
        ? open.id
        : (await tx.screeningFlag.create({ data: { showId: show.id, ...details }, select: { id: true } })).id;
      const news = !open || RANK[dbAction] > RANK[open.action];
      if (open) {
        await tx.screeningFlag.update({
          where: { id: open.id },
          data: { hits: { increment: 1 }, lastSeenAt: new Date(), ...(news ? details : {}) },
        });
      }
      if (news) {
        await recordAudit(tx, null, {
          action: "screening.flag",
          target: showTarget(show),
          reason: details.reason,
          details: { flagId: id, action, sampleId: evidence.sampleId, participantIdentity: evidence.participantIdentity },
        });
      }
      return { id, news };
    });
  let result: { id: string; news: boolean };
  try {
    result = await write();
  } catch (error) {
    // Two samples of one show raced to open the flag (partial unique index): count as a hit.
    if (!isUniqueViolation(error)) throw error;
    result = await write();
  }
  if (!result.news) return;
  await broadcastRoomEvent(show.roomNumber, { type: "screening-flagged", reason: hostReason(match.rule.class), action }, { to: [hostIdentity(show.hostId)] });
}

/** Blurs the show for every viewer until an operator decides. Idempotent: only the first blur is sent. */
export async function blurShow(show: ScreenedShow, match: RuleMatch): Promise<void> {
  const now = new Date();
  await db.screeningState.upsert({ where: { showId: show.id }, create: { showId: show.id }, update: {} });
  const blurred = await db.$transaction(async (tx) => {
    const { count } = await tx.screeningState.updateMany({ where: { showId: show.id, blurred: false }, data: { blurred: true, blurredAt: now } });
    if (count > 0) await recordAudit(tx, null, { action: "screening.blur", target: showTarget(show), reason: describeMatch(match) });
    return count > 0;
  });
  if (!blurred) return;
  await broadcastRoomEvent(show.roomNumber, { type: "screening-blur" });
}

/** Ends the show (a rule of very high confidence matched). */
export async function endShowForScreening(show: ScreenedShow, match: RuleMatch): Promise<void> {
  await db.$transaction(async (tx) => {
    if (await endShowIn(tx, show.id, "SCREENING")) await recordAudit(tx, null, { action: "screening.end", target: showTarget(show), reason: describeMatch(match) });
  });
}
