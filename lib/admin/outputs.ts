import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { cleanupOutputsSchema, OutputSearch, stopOutputSchema } from "@/lib/admin/schema";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { SLOT_STATUSES, isPlaceholder } from "@/lib/egress/record-egress";
import { stopOutput } from "@/lib/egress/stop-broadcast";
import { AppError } from "@/lib/errors";
import { listEgresses } from "@/lib/livekit/egress";
import { paged } from "@/lib/paging";
import { getSettings } from "@/lib/settings";
import { channelState } from "@/lib/push/channel-state";

export const OUTPUTS_PER_PAGE = 25;
/** A running output older than this is stuck, whatever Egress says (the original's console cleanup). */
export const STUCK_AFTER_HOURS = 12;
/** Running outputs are few; this bounds the stuck check's read all the same. */
const RUNNING_MAX = 1_000;
// A row this young may be mid-start: LiveKit may not list it yet.
const YOUNG_MS = 60_000;

const outputSelect = {
  id: true,
  kind: true,
  status: true,
  error: true,
  startedAt: true,
  endedAt: true,
  updatedAt: true,
  show: { select: { id: true, roomNumber: true, title: true, status: true, host: { select: { id: true, name: true } } } },
} as const;

type OutputRow = Awaited<ReturnType<typeof runningRows>>[number];

function runningRows() {
  return db.egress.findMany({ where: { status: { in: [...SLOT_STATUSES] } }, orderBy: { startedAt: "asc" }, take: RUNNING_MAX, select: outputSelect });
}

/** Why a running output is stuck, or null: active here but unknown to LiveKit, or running too long. */
function stuckReason(row: OutputRow, known: Set<string> | null, now: number): string | null {
  const age = now - row.startedAt.getTime();
  if (age > STUCK_AFTER_HOURS * 3600_000) return `running for more than ${STUCK_AFTER_HOURS} h`;
  if (age < YOUNG_MS) return null;
  if (isPlaceholder(row.id)) return "its start never finished";
  if (known && !known.has(row.id) && row.status !== "ENDING") return "unknown to Egress";
  return null;
}

async function withStuck(rows: OutputRow[], now = Date.now()) {
  // LiveKit's list of running jobs; unreachable → nothing is called unknown (only old ones are stuck).
  const known = await listEgresses({ active: true })
    .then((jobs) => new Set(jobs.map((j) => j.egressId)))
    .catch(() => null);
  return rows.map((row) => ({ ...row, stuck: stuckReason(row, known, now) }));
}

export type OutputView = Awaited<ReturnType<typeof withStuck>>[number];

/** Egress jobs with state and age, 25 a page: running ones, stuck ones, or every one ever. */
export async function listOutputs(search: OutputSearch) {
  if (search.filter === "all") {
    const [rows, total] = await Promise.all([
      db.egress.findMany({ orderBy: [{ startedAt: "desc" }, { id: "asc" }], skip: (search.page - 1) * OUTPUTS_PER_PAGE, take: OUTPUTS_PER_PAGE, select: outputSelect }),
      db.egress.count(),
    ]);
    return paged(await withStuck(rows), total, search.page, OUTPUTS_PER_PAGE);
  }
  const running = await withStuck(await runningRows());
  const rows = search.filter === "stuck" ? running.filter((r) => r.stuck) : running;
  const start = (search.page - 1) * OUTPUTS_PER_PAGE;
  return paged(rows.slice(start, start + OUTPUTS_PER_PAGE), rows.length, search.page, OUTPUTS_PER_PAGE);
}

/** Push channels that are open or held, newest first, 25 a page, with their state. */
export async function listChannels(page: number) {
  const where = { closedAt: null } as const;
  const [rows, total, { pushChannelHoldSeconds }] = await Promise.all([
    db.pushChannel.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * OUTPUTS_PER_PAGE,
      take: OUTPUTS_PER_PAGE,
      select: {
        id: true,
        kind: true,
        createdAt: true,
        closedAt: true,
        host: { select: { id: true, name: true } },
        egresses: { orderBy: { startedAt: "desc" }, take: 1, select: { id: true, status: true, startedAt: true, endedAt: true } },
      },
    }),
    db.pushChannel.count({ where }),
    getSettings(),
  ]);
  const now = new Date();
  return paged(rows.map((row) => ({ ...row, ...channelState(row, pushChannelHoldSeconds, now) })), total, page, OUTPUTS_PER_PAGE);
}

/** An operator stops one output through Egress (as its host would); the audit entry follows the stop. */
export async function stopOutputAsOperator(operator: SessionUser, input: z.output<typeof stopOutputSchema>): Promise<void> {
  const row = await db.egress.findUnique({ where: { id: input.egressId }, select: outputSelect });
  if (!row) throw new AppError("NOT_FOUND", "No such output.");
  if (!(SLOT_STATUSES as readonly string[]).includes(row.status)) throw new AppError("CONFLICT", "This output is not running.");
  // A remote call: it cannot be inside a transaction. The row's end is recorded by stopOutput.
  await stopOutput(row.show, row);
  await db.$transaction((tx) =>
    recordAudit(tx, operator, { action: "egress.stop", target: outputTarget(row), reason: input.reason, details: { kind: row.kind, status: row.status } }),
  );
}

function outputTarget(row: OutputRow) {
  return { type: "egress", id: row.id, label: `${row.kind} of room ${row.show.roomNumber}` } as const;
}

/**
 * One click for every stuck output: each is asked to stop (best effort: Egress may not know it),
 * then whatever is still running is marked failed, with its destinations, in one transaction
 * with the audit entry that lists them. Returns how many were cleaned up.
 */
export async function cleanupStuckOutputs(operator: SessionUser, input: z.output<typeof cleanupOutputsSchema>): Promise<{ cleaned: number; markedFailed: number }> {
  const stuck = (await withStuck(await runningRows())).filter((row) => row.stuck);
  if (stuck.length === 0) return { cleaned: 0, markedFailed: 0 };
  await Promise.allSettled(stuck.map((row) => stopOutput(row.show, row)));
  const ids = stuck.map((row) => row.id);
  const error = `Cleaned up by an operator: ${input.reason}`;
  const { failed } = await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.egress.updateMany({ where: { id: { in: ids }, status: { in: [...SLOT_STATUSES] } }, data: { status: "FAILED", error, endedAt: now } });
    await tx.pushDestination.updateMany({ where: { egressId: { in: ids }, status: { in: ["STARTING", "ACTIVE"] } }, data: { status: "FAILED", error, endedAt: now } });
    await recordAudit(tx, operator, {
      action: "egress.cleanup",
      target: { type: "egress", id: ids.length === 1 ? (ids[0] ?? "") : "many", label: `${stuck.length} stuck output${stuck.length === 1 ? "" : "s"}` },
      reason: input.reason,
      details: { outputs: stuck.map((row) => ({ id: row.id, kind: row.kind, room: row.show.roomNumber, why: row.stuck })) },
    });
    // The rest ended on their own stop above.
    return { failed: count };
  });
  return { cleaned: stuck.length, markedFailed: failed };
}
