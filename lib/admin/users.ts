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

export async function banAsOperator(operator: SessionUser, input: z.output<typeof banSchema>): Promise<void> {
  if (input.userId === operator.id) throw new AppError("FORBIDDEN", "You cannot ban yourself.");
  await db.$transaction(async (tx) => {
    const target = await lockedTarget(tx, input.userId);
    const { endedRoomNumber } = await banUser(tx, target.id, { reason: input.reason, until: input.until });
    await recordAudit(tx, operator, {
      action: "user.ban",
      target: userTarget(target),
      reason: input.reason,
      details: { until: input.until?.toISOString() ?? null, endedRoomNumber },
    });
  });
}

export async function unbanAsOperator(operator: SessionUser, input: z.output<typeof liftSchema>): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await lockedTarget(tx, input.userId);
    await unbanUser(tx, target.id);
    await recordAudit(tx, operator, { action: "user.unban", target: userTarget(target), reason: input.reason });
  });
}

export async function muteAsOperator(operator: SessionUser, input: z.output<typeof muteSchema>): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await lockedTarget(tx, input.userId);
    await muteUser(tx, target.id, input.until);
    await recordAudit(tx, operator, {
      action: "user.mute",
      target: userTarget(target),
      reason: input.reason,
      details: { until: input.until?.toISOString() ?? null },
    });
  });
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
