import "server-only";
import { randomBytes } from "node:crypto";
import { type Tx, db, isUniqueViolation } from "@/lib/db";
import { type EgressOutputs, egressOutputsSchema } from "@/lib/egress/schema";
import type { EgressKind, EgressStatus } from "@/lib/generated/prisma/enums";
import type { EgressJob } from "@/lib/livekit/egress";

// The start call's answer and the egress_* webhooks race each other: a status only moves forward.
const RANK: Record<EgressStatus, number> = { STARTING: 0, ACTIVE: 1, ENDING: 2, COMPLETE: 3, FAILED: 3, ABORTED: 3 };
const FINAL: readonly EgressStatus[] = ["COMPLETE", "FAILED", "ABORTED"];
/** The statuses that hold a show's one slot per kind (the partial unique index of the migration). */
export const SLOT_STATUSES = ["STARTING", "ACTIVE", "ENDING"] as const satisfies readonly EgressStatus[];

const PLACEHOLDER_PREFIX = "pending_";

export function isFinal(status: EgressStatus): boolean {
  return FINAL.includes(status);
}

/** A row taken by a start whose Egress call has not answered yet (no LiveKit id to use). */
export function isPlaceholder(egressId: string): boolean {
  return egressId.startsWith(PLACEHOLDER_PREFIX);
}

export function parseOutputs(value: unknown): EgressOutputs {
  const parsed = egressOutputsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * Takes the show's one slot for this kind before Egress is called: a placeholder row in a running
 * status, so a concurrent start fails on the unique index instead of starting a second job.
 * Returns the placeholder's id, or null when the slot is taken.
 */
export async function reserveEgress(showId: string, kind: EgressKind, channelId: string | null = null): Promise<string | null> {
  const id = `${PLACEHOLDER_PREFIX}${randomBytes(8).toString("hex")}`;
  try {
    await db.egress.create({ data: { id, showId, kind, status: "STARTING", channelId } });
    return id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** The start failed: the slot is free again (the user was told why; nothing ran). */
export async function releaseReservation(placeholderId: string): Promise<void> {
  await db.egress.deleteMany({ where: { id: placeholderId } });
}

/** The start answered: the placeholder becomes the job's row (unless a webhook claimed it first). */
export async function fillReservation(
  placeholderId: string,
  showId: string,
  kind: EgressKind,
  job: EgressJob,
  outputs: EgressOutputs,
  channelId: string | null = null,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const taken = await tx.egress.count({ where: { id: job.egressId } });
    if (taken > 0) {
      // the job's own row exists already (a webhook came first): it takes over the channel
      await tx.egress.deleteMany({ where: { id: placeholderId } });
      if (channelId) await tx.egress.updateMany({ where: { id: job.egressId }, data: { channelId } });
    } else await tx.egress.updateMany({ where: { id: placeholderId }, data: { id: job.egressId } });
    await recordEgress(tx, showId, kind, job, outputs);
  });
}

/**
 * A job LiveKit reports that has no row yet: if the show has a placeholder of that kind, the job
 * is the one its start is waiting for (egress_started can arrive before the start call answers).
 */
async function claimPlaceholder(tx: Tx, showId: string, kind: EgressKind, egressId: string): Promise<boolean> {
  const placeholder = await tx.egress.findFirst({
    where: { showId, kind, id: { startsWith: PLACEHOLDER_PREFIX }, status: { in: [...SLOT_STATUSES] } },
    select: { id: true },
  });
  if (!placeholder) return false;
  const { count } = await tx.egress.updateMany({ where: { id: placeholder.id }, data: { id: egressId } });
  return count > 0;
}

/**
 * Creates or advances the Egress row of a job, in the caller's transaction; `outputs` is merged
 * into what is stored. No statement here can fail on a unique index (that would abort the
 * transaction): rows are inserted with ON CONFLICT DO NOTHING. A job that finds the show's slot
 * for its kind held by another job gets no row.
 */
export async function recordEgress(tx: Tx, showId: string, kind: EgressKind, job: EgressJob, outputs: EgressOutputs = {}): Promise<void> {
  let existing = await tx.egress.findUnique({ where: { id: job.egressId }, select: { status: true, outputs: true } });
  if (!existing) {
    const claimed = await claimPlaceholder(tx, showId, kind, job.egressId);
    if (!claimed) {
      const { count } = await tx.egress.createMany({
        data: [
          {
            id: job.egressId,
            showId,
            kind,
            status: job.status,
            error: job.error ?? null,
            outputs,
            startedAt: job.startedAt ?? new Date(),
            endedAt: isFinal(job.status) ? (job.endedAt ?? new Date()) : null,
          },
        ],
        skipDuplicates: true,
      });
      if (count > 0) return;
    }
    existing = await tx.egress.findUnique({ where: { id: job.egressId }, select: { status: true, outputs: true } });
    if (!existing) return;
  }
  const forward = RANK[job.status] >= RANK[existing.status];
  await tx.egress.update({
    where: { id: job.egressId },
    data: {
      outputs: { ...parseOutputs(existing.outputs), ...outputs },
      ...(forward
        ? {
            status: job.status,
            error: job.error ?? null,
            ...(isFinal(job.status) ? { endedAt: job.endedAt ?? new Date() } : {}),
          }
        : {}),
    },
  });
}
