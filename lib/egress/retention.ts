import type { EgressStatus } from "@/lib/generated/prisma/enums";

/** What the sweep knows about one HLS run folder on disk. */
export type RunOnDisk = {
  /** its Egress row; null when the start never reached Egress (the folder is made first) */
  egress: { status: EgressStatus; endedAt: Date | null; updatedAt: Date } | null;
  folderModifiedAt: Date;
};

const FINAL: readonly EgressStatus[] = ["COMPLETE", "FAILED", "ABORTED"];

/** A run is deleted once it ended longer ago than the retention period; a running one never. */
export function isExpired(run: RunOnDisk, cutoff: Date): boolean {
  if (!run.egress) return run.folderModifiedAt < cutoff;
  if (!FINAL.includes(run.egress.status)) return false;
  return (run.egress.endedAt ?? run.egress.updatedAt) < cutoff;
}
