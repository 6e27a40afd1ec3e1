import "server-only";
import type { z } from "zod";
import { recordAudit, showTarget } from "@/lib/admin/audit";
import type { endShowSchema } from "@/lib/admin/schema";
import type { SessionUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { endShowIn } from "@/lib/shows/end-show";
import { requireShow, type ShowDetails } from "@/lib/shows/get-show";

/** An operator ends someone's show ("ended by an operator" for everyone in it), audited with it. */
export async function forceEndShow(operator: SessionUser, input: z.output<typeof endShowSchema>): Promise<{ roomNumber: number }> {
  const show = await requireShow(input.roomNumber);
  await db.$transaction((tx) => forceEndShowIn(tx, operator, show, input.reason));
  return { roomNumber: show.roomNumber };
}

type EndableShow = Pick<ShowDetails, "id" | "roomNumber" | "title" | "viewerCount" | "host">;

/** The same in the caller's transaction (`details` adds e.g. the report it answers). */
export async function forceEndShowIn(tx: Tx, operator: SessionUser, show: EndableShow, reason: string, details: Record<string, string | number> = {}): Promise<void> {
  if (!(await endShowIn(tx, show.id, "OPERATOR"))) throw new AppError("SHOW_ENDED", `The show in room ${show.roomNumber} has already ended.`);
  await recordAudit(tx, operator, {
    action: "show.end",
    target: showTarget(show),
    reason,
    details: { ...details, hostId: show.host.id, hostName: show.host.name, viewers: show.viewerCount },
  });
}
