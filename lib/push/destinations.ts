import "server-only";
import type { Tx } from "@/lib/db";
import { isFinal } from "@/lib/egress/record-egress";
import type { EgressJob } from "@/lib/livekit/egress";

/**
 * Copies LiveKit's per-stream results of an RTMP job onto its destinations, in the caller's
 * transaction (start answer, egress_* webhooks, the reconcile loop's listEgress pass): each
 * destination is matched with the newest result of its redacted URL. When the job itself has
 * ended, destinations still marked running end with it.
 */
export async function applyStreamResults(tx: Tx, job: EgressJob): Promise<void> {
  const destinations = await tx.pushDestination.findMany({
    where: { egressId: job.egressId, status: { in: ["STARTING", "ACTIVE"] } },
    select: { id: true, redactedUrl: true },
  });
  for (const destination of destinations) {
    const result = job.streams.findLast((s) => s.url === destination.redactedUrl);
    if (result?.status === "FAILED" || result?.status === "FINISHED") {
      await tx.pushDestination.update({
        where: { id: destination.id },
        data: { status: result.status === "FAILED" ? "FAILED" : "STOPPED", error: result.error ?? null, endedAt: result.endedAt ?? new Date() },
      });
    } else if (isFinal(job.status)) {
      const failed = job.status !== "COMPLETE";
      await tx.pushDestination.update({
        where: { id: destination.id },
        data: { status: failed ? "FAILED" : "STOPPED", error: failed ? (job.error ?? "The push stopped.") : null, endedAt: job.endedAt ?? new Date() },
      });
    } else if (result?.startedAt) {
      await tx.pushDestination.update({ where: { id: destination.id }, data: { status: "ACTIVE" } });
    }
  }
}
