import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { handleReportSchema, ReportSearch } from "@/lib/admin/schema";
import { forceEndShowIn } from "@/lib/admin/shows";
import { banIn, muteIn } from "@/lib/admin/users";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportOutcome } from "@/lib/generated/prisma/enums";
import { deleteMessageIn, tellDeleted } from "@/lib/moderation/moderate-chat";
import { closeReportsIn } from "@/lib/moderation/report";
import { type Paged, paged } from "@/lib/paging";

export const REPORTS_PER_PAGE = 20;
/** Messages shown before and after a reported one, so the operator reads it in context. */
const CONTEXT = 3;

const reportSelect = {
  id: true,
  reason: true,
  note: true,
  status: true,
  outcome: true,
  createdAt: true,
  handledAt: true,
  reporter: { select: { id: true, name: true } },
  handledBy: { select: { id: true, name: true } },
  show: { select: { id: true, roomNumber: true, title: true, status: true, viewerCount: true, host: { select: { id: true, name: true } } } },
  message: { select: { id: true, seq: true, text: true, createdAt: true, deletedAt: true, user: { select: { id: true, name: true } } } },
} as const;

type ReportRow = Prisma.ReportGetPayload<{ select: typeof reportSelect }>;
type ContextLine = { id: number; seq: number; text: string; deleted: boolean; user: { id: string; name: string } };

async function contextOf(report: ReportRow): Promise<ContextLine[]> {
  if (!report.message) return [];
  const rows = await db.chatMessage.findMany({
    where: { showId: report.show.id, seq: { gte: report.message.seq - CONTEXT, lte: report.message.seq + CONTEXT } },
    orderBy: { seq: "asc" },
    select: { id: true, seq: true, text: true, deletedAt: true, user: { select: { id: true, name: true } } },
  });
  return rows.map(({ deletedAt, ...row }) => ({ ...row, deleted: deletedAt !== null }));
}

export type ReportView = ReportRow & { context: ContextLine[] };

/** The queue: open reports oldest first (handled ones newest first), 20 a page, each with its context. */
export async function listReports(search: ReportSearch): Promise<Paged<ReportView>> {
  const where = { status: search.status } as const;
  const [rows, total] = await Promise.all([
    db.report.findMany({
      where,
      orderBy: [{ createdAt: search.status === "OPEN" ? "asc" : "desc" }, { id: "asc" }],
      skip: (search.page - 1) * REPORTS_PER_PAGE,
      take: REPORTS_PER_PAGE,
      select: reportSelect,
    }),
    db.report.count({ where }),
  ]);
  const withContext = await Promise.all(rows.map(async (row) => ({ ...row, context: await contextOf(row) })));
  return paged(withContext, total, search.page, REPORTS_PER_PAGE);
}

const OUTCOMES = {
  dismiss: "DISMISSED",
  "delete-message": "MESSAGE_DELETED",
  mute: "USER_MUTED",
  ban: "USER_BANNED",
  "end-show": "SHOW_ENDED",
} as const satisfies Record<z.output<typeof handleReportSchema>["action"], ReportOutcome>;

/**
 * An operator handles a report: the action itself through its domain function (delete the
 * message, mute or ban its author or the show's host, end the show), its audit entry, and the
 * report (with any other open report about the same thing) marked handled by them and how: one
 * transaction. A report someone else handled meanwhile is refused, and nothing is done.
 */
export async function handleReport(operator: SessionUser, input: z.output<typeof handleReportSchema>): Promise<{ closed: number }> {
  const { closed, deleted } = await db.$transaction(async (tx) => {
    // Row lock: two operators handling one report act one after the other.
    await tx.$queryRaw`SELECT id FROM "Report" WHERE id = ${input.reportId} FOR UPDATE`;
    const report = await tx.report.findUnique({ where: { id: input.reportId }, select: reportSelect });
    if (!report) throw new AppError("NOT_FOUND", "There is no such report.");
    if (report.status !== "OPEN") throw new AppError("CONFLICT", `${report.handledBy?.name ?? "Someone"} has already handled this report.`);
    const ref = { reportId: report.id };
    let deleted: { roomNumber: number; messageId: number } | null = null;
    // Whom mute and ban are about: the message's author, or the host of a reported show.
    const culprit = report.message?.user ?? report.show.host;
    switch (input.action) {
      case "dismiss":
        await recordAudit(tx, operator, { action: "report.dismiss", target: reportTarget(report), reason: input.reason });
        break;
      case "delete-message":
        if (!report.message) throw new AppError("VALIDATION", "This report is about a show, not a message.");
        await deleteMessageIn(tx, report.message.id, operator.id);
        await recordAudit(tx, operator, { action: "message.delete", target: messageTarget(report.message, report.show.roomNumber), reason: input.reason, details: ref });
        deleted = { roomNumber: report.show.roomNumber, messageId: report.message.id };
        break;
      case "mute":
        await muteIn(tx, operator, culprit.id, { reason: input.reason, until: null }, ref);
        break;
      case "ban":
        await banIn(tx, operator, culprit.id, { reason: input.reason, until: null }, ref);
        break;
      case "end-show":
        if (report.show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has already ended.");
        await forceEndShowIn(tx, operator, report.show, input.reason, ref);
        break;
    }
    return { closed: await closeReportsIn(tx, { ...report, showId: report.show.id, messageId: report.message?.id ?? null }, OUTCOMES[input.action], operator.id), deleted };
  });
  if (deleted) await tellDeleted(deleted.roomNumber, deleted.messageId);
  return { closed };
}

function reportTarget(report: ReportRow) {
  const about = report.message ? `message by ${report.message.user.name}` : "show";
  return { type: "report", id: report.id, label: `report of ${about} in room ${report.show.roomNumber}` } as const;
}

function messageTarget(message: NonNullable<ReportRow["message"]>, roomNumber: number) {
  const text = message.text.length > 60 ? `${message.text.slice(0, 60)}…` : message.text;
  return { type: "message", id: String(message.id), label: `${message.user.name} in room ${roomNumber}: “${text}”` } as const;
}

