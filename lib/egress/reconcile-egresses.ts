import "server-only";
import { db } from "@/lib/db";
import type { EgressStatus } from "@/lib/generated/prisma/enums";
import { applyEgressEvent } from "@/lib/egress/apply-egress-event";
import { SLOT_STATUSES, isFinal, isPlaceholder } from "@/lib/egress/record-egress";
import { type EgressJob, egressAnswers, listEgresses } from "@/lib/livekit/egress";
import { applyStreamResults } from "@/lib/push/destinations";

// A start call answers within ~8 s: an older placeholder was left by an app that died mid-start.
const PLACEHOLDER_MAX_MS = 60_000;
// A row that changed this recently may be mid-start or mid-webhook: look again next time.
const RECENT_MS = 3_000;
// Egress gives a job's handler 10 s to start before it gives up on it.
const STARTING_GRACE_MS = 30_000;
// Trimming a long MP4 part takes up to ~10 minutes (lib/egress/trim-recording.ts).
const FINISHING_MAX_MS = 15 * 60_000;

export const LOST_MESSAGE = "The recording service stopped without finishing this output (Egress no longer runs it).";

type Row = { id: string; status: EgressStatus; updatedAt: Date };

/** Frees the show's slot of an output that nothing runs anymore. */
async function markLost(row: Row, error: string): Promise<boolean> {
  const { count } = await db.egress.updateMany({
    where: { id: row.id, status: { in: [...SLOT_STATUSES] } },
    data: { status: "FAILED", error, endedAt: new Date() },
  });
  if (count > 0) {
    console.warn(`[egress] ${row.id} marked failed: ${error}`);
    await db.pushDestination.updateMany({
      where: { egressId: row.id, status: { in: ["STARTING", "ACTIVE"] } },
      data: { status: "FAILED", error, endedAt: new Date() },
    });
  }
  return count > 0;
}

/**
 * One running row against LiveKit's record of the job (`job`, undefined when LiveKit has none):
 * an end LiveKit knows of is applied (a lost egress_ended); a job LiveKit does not know, or
 * whose Egress process no longer answers for it (crashed, killed), is marked failed.
 * Returns whether the row ended.
 */
async function settle(row: Row, job: EgressJob | undefined): Promise<boolean> {
  if (job && isFinal(job.status)) {
    // ENDING after COMPLETE: the finish-recording job owns the row (durable, retried).
    if (row.status === "ENDING" && job.status === "COMPLETE") return false;
    await db.$transaction((tx) => applyEgressEvent(tx, job));
    return true;
  }
  // The finish-recording job owns an ENDING row until its files are done (minutes for a long part).
  if (!job && row.status === "ENDING" && Date.now() - row.updatedAt.getTime() < FINISHING_MAX_MS) return false;
  const askedAt = Date.now();
  const answers = job ? await egressAnswers(row.id) : false;
  if (answers !== true) console.info(`[egress] ${row.id}: ${job ? `Egress answered ${answers === null ? "nothing usable" : "that it does not run it"}` : "unknown to LiveKit"} (${Date.now() - askedAt} ms)`);
  return answers === false ? markLost(row, LOST_MESSAGE) : false;
}

/** After a stop that failed ("not found", no answer): is the job gone? Then its row ends. */
export async function settleAfterFailedStop(row: Omit<Row, "updatedAt">, roomName: string): Promise<boolean> {
  const jobs = await listEgresses({ roomName });
  return settle({ ...row, updatedAt: new Date(0) }, jobs.find((j) => j.egressId === row.id));
}

/**
 * The reconcile loop's egress pass: every row in a running status is compared with LiveKit's
 * list of jobs (listEgress) and, while LiveKit still calls it running, with Egress itself.
 */
export async function reconcileEgresses(now = new Date()): Promise<{ checked: number; ended: number }> {
  const rows = await db.egress.findMany({
    where: { status: { in: [...SLOT_STATUSES] } },
    select: { id: true, kind: true, status: true, updatedAt: true },
  });
  const summary = { checked: rows.length, ended: 0 };
  if (rows.length === 0) return summary;
  const known = new Map((await listEgresses()).map((job) => [job.egressId, job]));
  for (const row of rows) {
    const age = now.getTime() - row.updatedAt.getTime();
    if (isPlaceholder(row.id)) {
      if (age > PLACEHOLDER_MAX_MS && (await markLost(row, "The start of this output did not finish."))) summary.ended += 1;
      continue;
    }
    if (age < RECENT_MS) continue;
    // Egress launches a handler process per job, which registers for requests a moment later (seconds on a loaded machine).
    if (row.status === "STARTING" && age < STARTING_GRACE_MS) continue;
    const job = known.get(row.id);
    if (await settle(row, job)) summary.ended += 1;
    // A running push: each destination's own state (one can fail while the others go on).
    else if (job && row.kind === "RTMP") await db.$transaction((tx) => applyStreamResults(tx, job));
  }
  return summary;
}
