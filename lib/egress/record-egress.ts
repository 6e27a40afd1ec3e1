import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import { type EgressOutputs, egressOutputsSchema } from "@/lib/egress/schema";
import type { EgressKind, EgressStatus } from "@/lib/generated/prisma/enums";
import type { EgressJob } from "@/lib/livekit/egress";

// The start call's answer and the egress_* webhooks race each other: a status only moves forward.
const RANK: Record<EgressStatus, number> = { STARTING: 0, ACTIVE: 1, ENDING: 2, COMPLETE: 3, FAILED: 3, ABORTED: 3 };
const FINAL: readonly EgressStatus[] = ["COMPLETE", "FAILED", "ABORTED"];

export function isFinal(status: EgressStatus): boolean {
  return FINAL.includes(status);
}

export function parseOutputs(value: unknown): EgressOutputs {
  const parsed = egressOutputsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/** Creates or advances the Egress row of a job; `outputs` is merged into what is stored. */
export async function recordEgress(showId: string, kind: EgressKind, job: EgressJob, outputs: EgressOutputs = {}): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = await db.egress.findUnique({ where: { id: job.egressId }, select: { status: true, outputs: true } });
    if (!existing) {
      try {
        await db.egress.create({
          data: {
            id: job.egressId,
            showId,
            kind,
            status: job.status,
            error: job.error ?? null,
            outputs,
            startedAt: job.startedAt ?? new Date(),
            endedAt: isFinal(job.status) ? (job.endedAt ?? new Date()) : null,
          },
        });
        return;
      } catch (error) {
        if (isUniqueViolation(error)) continue; // the other side created it just now: update instead
        throw error;
      }
    }
    const forward = RANK[job.status] >= RANK[existing.status];
    await db.egress.update({
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
    return;
  }
}
