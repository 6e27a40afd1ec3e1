import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { isBanned } from "@/lib/users/standing";

/**
 * Makes an account an operator or a plain user, in the caller's transaction. The site always
 * keeps at least one operator who is not banned: the last one cannot step down.
 */
export async function setUserRole(tx: Tx, userId: string, role: UserRole): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, bannedAt: true, bannedUntil: true } });
  if (user.role === role) {
    throw new AppError("CONFLICT", role === "OPERATOR" ? "This account is already an operator." : "This account is not an operator.");
  }
  if (role === "OPERATOR" && isBanned(user)) throw new AppError("CONFLICT", "Lift the ban before making this account an operator.");
  if (role === "USER") {
    // Every operator row is locked: two operators stepping down at once cannot both pass.
    const operators = await tx.$queryRaw<{ id: string; bannedAt: Date | null; bannedUntil: Date | null }[]>`
      SELECT id, "bannedAt", "bannedUntil" FROM "User" WHERE role = 'OPERATOR' FOR UPDATE`;
    if (!operators.some((o) => o.id !== userId && !isBanned(o))) {
      throw new AppError("LAST_OPERATOR", "You are the last operator: make someone else an operator before stepping down.");
    }
  }
  await tx.user.update({ where: { id: userId }, data: { role } });
}
