import "server-only";
import type { AuditAction, AuditSearch } from "@/lib/admin/schema";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Paged, paged } from "@/lib/paging";

export const AUDIT_PER_PAGE = 50;

/** What an entry is about, as it read at the time (names change; the log does not). */
export type AuditTarget = { type: "show" | "user" | "setting" | "message" | "report" | "egress" | "channel" | "recording" | "gift"; id: string; label: string };

export type AuditRecord = {
  action: AuditAction;
  target: AuditTarget;
  reason?: string | null;
  details?: Prisma.InputJsonValue;
};

/**
 * Records what an operator (`actor`) or the system on its own (`actor` null: automatic
 * screening, loops) did, inside the transaction of the change itself: the entry exists if and
 * only if the change committed. Entries are never changed or deleted (the database refuses).
 */
export async function recordAudit(tx: Tx, actor: { id: string } | null, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: actor?.id ?? null,
      action: record.action,
      targetType: record.target.type,
      targetId: record.target.id,
      targetLabel: record.target.label,
      reason: record.reason ?? null,
      details: record.details,
    },
  });
}

export function showTarget(show: { id: string; roomNumber: number; title: string }): AuditTarget {
  return { type: "show", id: show.id, label: `room ${show.roomNumber}: ${show.title}` };
}

export function userTarget(user: { id: string; email: string; name: string }): AuditTarget {
  return { type: "user", id: user.id, label: `${user.name} <${user.email}>` };
}

const entrySelect = {
  id: true,
  at: true,
  action: true,
  targetType: true,
  targetId: true,
  targetLabel: true,
  reason: true,
  details: true,
  actor: { select: { id: true, name: true, email: true } },
} as const;

type EntryRow = Prisma.AuditEntryGetPayload<{ select: typeof entrySelect }>;

function toEntry(row: EntryRow) {
  return { ...row, id: row.id.toString() };
}

export type AuditEntryView = ReturnType<typeof toEntry>;

/**
 * The log, newest first, 50 a page: `q` finds entries by target (label or id), reason or actor
 * (name or email), any part of them (trigram indexes); `action` keeps one kind; `target` one target.
 */
export async function listAudit(
  search: AuditSearch & { target?: { type: AuditTarget["type"]; id: string } },
): Promise<Paged<AuditEntryView>> {
  const q = search.q;
  const where: Prisma.AuditEntryWhereInput = {
    ...(search.action ? { action: search.action } : {}),
    ...(search.target ? { targetType: search.target.type, targetId: search.target.id } : {}),
    ...(q
      ? {
          OR: [
            { targetLabel: { contains: q, mode: "insensitive" } },
            { reason: { contains: q, mode: "insensitive" } },
            { targetId: q },
            { actor: { is: { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] } } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (search.page - 1) * AUDIT_PER_PAGE,
      take: AUDIT_PER_PAGE,
      select: entrySelect,
    }),
    db.auditEntry.count({ where }),
  ]);
  return paged(rows.map(toEntry), total, search.page, AUDIT_PER_PAGE);
}
