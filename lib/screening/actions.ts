import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import type { ScreeningAction } from "@/lib/generated/prisma/enums";
import { recordScreeningAudit } from "@/lib/screening/audit";
import { type ClassScores, type RuleMatch, type ScreeningActionName, describeMatch } from "@/lib/screening/rules";
import { hostIdentity } from "@/lib/shows/identity";
import { endShow } from "@/lib/shows/end-show";

// The automatic actions of screening, one function each: flag (a review item), blur (viewers'
// players, until an operator decides), end (the show). Each records itself for the audit log.

export type ScreenedShow = { id: string; roomNumber: number; hostId: string };

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
      if (!open) return { id: (await tx.screeningFlag.create({ data: { showId: show.id, ...details }, select: { id: true } })).id, news: true };
      const stronger = RANK[dbAction] > RANK[open.action];
      await tx.screeningFlag.update({
        where: { id: open.id },
        data: { hits: { increment: 1 }, lastSeenAt: new Date(), ...(stronger ? details : {}) },
      });
      return { id: open.id, news: stronger };
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
  await recordScreeningAudit({
    actor: { kind: "system" },
    action: "screening.flag",
    showId: show.id,
    flagId: result.id,
    details: { action, reason: details.reason, sampleId: evidence.sampleId },
  });
  await broadcastRoomEvent(show.roomNumber, { type: "screening-flagged", reason: hostReason(match.rule.class), action }, { to: [hostIdentity(show.hostId)] });
}

/** Blurs the show for every viewer until an operator decides. Idempotent: only the first blur is sent. */
export async function blurShow(show: ScreenedShow, match: RuleMatch): Promise<void> {
  const now = new Date();
  await db.screeningState.upsert({ where: { showId: show.id }, create: { showId: show.id }, update: {} });
  const { count } = await db.screeningState.updateMany({ where: { showId: show.id, blurred: false }, data: { blurred: true, blurredAt: now } });
  if (count === 0) return;
  await recordScreeningAudit({ actor: { kind: "system" }, action: "screening.blur", showId: show.id, details: { reason: describeMatch(match) } });
  await broadcastRoomEvent(show.roomNumber, { type: "screening-blur" });
}

/** Ends the show (a rule of very high confidence matched). */
export async function endShowForScreening(show: ScreenedShow, match: RuleMatch): Promise<void> {
  if (!(await endShow(show.id, "SCREENING"))) return;
  await recordScreeningAudit({ actor: { kind: "system" }, action: "screening.end", showId: show.id, details: { reason: describeMatch(match) } });
}
