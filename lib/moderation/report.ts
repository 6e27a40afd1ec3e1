import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ReportOutcome } from "@/lib/generated/prisma/enums";
import type { ReportInput } from "@/lib/moderation/schema";
import { consume } from "@/lib/rate-limit";
import { requireShow } from "@/lib/shows/get-show";

/**
 * Files a report about a show or one of its messages for the operators' queue. Reporting the
 * same thing again while the first report is open stores nothing new (a partial unique index).
 */
export async function fileReport(user: SessionUser, input: ReportInput): Promise<{ thanks: true }> {
  await consume("report.create", user.id);
  const show = await requireShow(input.roomNumber);
  const role = showRoleOf(user, show);
  let messageId: number | null = null;
  if (input.target === "show") {
    if (!can(role, "show.report")) throw new AppError("FORBIDDEN", "You cannot report your own show.");
  } else {
    if (!can(role, "chat.report")) throw new AppError("FORBIDDEN", "You may not report messages in this show.");
    const message = await db.chatMessage.findFirst({
      where: { id: input.messageId, showId: show.id, deletedAt: null },
      select: { id: true, userId: true },
    });
    if (!message) throw new AppError("NOT_FOUND", "That message is no longer there.");
    if (message.userId === user.id) throw new AppError("FORBIDDEN", "You cannot report your own message.");
    messageId = message.id;
  }
  await db.report.createMany({
    data: [{ showId: show.id, messageId, reason: input.reason, note: input.note ?? null, reporterId: user.id }],
    skipDuplicates: true,
  });
  return { thanks: true };
}

/**
 * Closes a report, and every other open report about the same thing (the same message, or the
 * same show), as handled by `byId` with `outcome`, in the caller's transaction. Returns how many
 * closed; 0 if the report was not open any more (someone else handled it first).
 */
export async function closeReportsIn(tx: Tx, report: { id: string; showId: string; messageId: number | null }, outcome: ReportOutcome, byId: string): Promise<number> {
  const status = outcome === "DISMISSED" ? "DISMISSED" : "RESOLVED";
  const handled = { status, outcome, handledById: byId, handledAt: new Date() } as const;
  const first = await tx.report.updateMany({ where: { id: report.id, status: "OPEN" }, data: handled });
  if (first.count === 0) return 0;
  const rest = await tx.report.updateMany({ where: { showId: report.showId, messageId: report.messageId, status: "OPEN" }, data: handled });
  return first.count + rest.count;
}
