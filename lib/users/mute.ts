import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isMutedSiteWide } from "@/lib/users/standing";

export { isMutedSiteWide, muteNotice } from "@/lib/users/standing";

/** Mutes an account site-wide (it may watch, not chat) until `until`, or until unmuted. */
export async function muteUser(tx: Tx, userId: string, until: Date | null): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { mutedAt: new Date(), mutedUntil: until } });
}

export async function unmuteUser(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { mutedAt: true, mutedUntil: true } });
  if (!isMutedSiteWide(user)) throw new AppError("CONFLICT", "This account is not muted.");
  await tx.user.update({ where: { id: userId }, data: { mutedAt: null, mutedUntil: null } });
}
