import "server-only";
import type { z } from "zod";
import { recordAudit, userTarget } from "@/lib/admin/audit";
import type { banSchema, liftSchema, muteSchema, roleSchema } from "@/lib/admin/schema";
import type { SessionUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { banUser, unbanUser } from "@/lib/users/ban";
import { muteUser, unmuteUser } from "@/lib/users/mute";
import { setUserRole } from "@/lib/users/roles";

// Operators acting on accounts: each calls the users domain and records the audit entry in the
// same transaction, so the change and its entry commit (or fail) together.

type Target = { id: string; email: string; name: string };

async function lockedTarget(tx: Tx, userId: string): Promise<Target> {
  // Row lock: two operators acting on one account apply one after the other.
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
  if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
  return user;
}

type Terms = { reason: string; until: Date | null };

/** Bans in the caller's transaction, with its audit entry (`details` adds e.g. the report). */
export async function banIn(tx: Tx, operator: SessionUser, userId: string, terms: Terms, details: Record<string, string | number | null> = {}): Promise<void> {
  if (userId === operator.id) throw new AppError("FORBIDDEN", "You cannot ban yourself.");
  const target = await lockedTarget(tx, userId);
  const { endedRoomNumber } = await banUser(tx, target.id, terms);
  await recordAudit(tx, operator, {
    action: "user.ban",
    target: userTarget(target),
    reason: terms.reason,
    details: { ...details, until: terms.until?.toISOString() ?? null, endedRoomNumber },
  });
}

/** Mutes site-wide in the caller's transaction, with its audit entry. */
export async function muteIn(tx: Tx, operator: SessionUser, userId: string, terms: Terms, details: Record<string, string | number | null> = {}): Promise<void> {
  const target = await lockedTarget(tx, userId);
  await muteUser(tx, target.id, terms.until);
  await recordAudit(tx, operator, {
    action: "user.mute",
    target: userTarget(target),
    reason: terms.reason,
    details: { ...details, until: terms.until?.toISOString() ?? null },
  });
}

export async function banAsOperator(operator: SessionUser, input: z.output<typeof banSchema>): Promise<void> {
  await db.$transaction((tx) => banIn(tx, operator, input.userId, input));
}

export async function unbanAsOperator(operator: SessionUser, input: z.output<typeof liftSchema>): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await lockedTarget(tx, input.userId);
    await unbanUser(tx, target.id);
    await recordAudit(tx, operator, { action: "user.unban", target: userTarget(target), reason: input.reason });
  });
}

export async function muteAsOperator(operator: SessionUser, input: z.output<typeof muteSchema>): Promise<void> {
  await db.$transaction((tx) => muteIn(tx, operator, input.userId, input));
}

export async function unmuteAsOperator(operator: SessionUser, input: z.output<typeof liftSchema>): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await lockedTarget(tx, input.userId);
    await unmuteUser(tx, target.id);
    await recordAudit(tx, operator, { action: "user.unmute", target: userTarget(target), reason: input.reason });
  });
}

/** Promote or demote; banning another operator is allowed, the last operator cannot step down. */
export async function setRoleAsOperator(operator: SessionUser, input: z.output<typeof roleSchema>): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await lockedTarget(tx, input.userId);
    await setUserRole(tx, target.id, input.role);
    await recordAudit(tx, operator, {
      action: input.role === "OPERATOR" ? "user.promote" : "user.demote",
      target: userTarget(target),
      reason: input.reason,
    });
  });
}
