import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readSession } from "@/lib/auth/session-token";
import { Prisma } from "@/lib/generated/prisma/client";
import type { User } from "@/lib/generated/prisma/client";
import { preparedQuery } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isBanned } from "@/lib/users/standing";

type UserRow = Pick<User, "id" | "email" | "name" | "role" | "mutedAt" | "mutedUntil" | "bannedAt" | "bannedUntil" | "sessionVersion">;

/**
 * The logged-in user, read fresh from the database (the session only carries the id and the
 * session version it was issued with), so role changes, bans, revoked sessions and deleted
 * accounts take effect at once. Cached per request.
 */
export const getCurrentUser = cache(async () => {
  const session = await readSession();
  if (!session) return null;
  // Every action and page asks this: a prepared statement (lib/db), not a query Prisma compiles each time.
  const [user] = await preparedQuery<UserRow>(Prisma.sql`
    SELECT "id", "email", "name", "role", "mutedAt", "mutedUntil", "bannedAt", "bannedUntil", "sessionVersion"
    FROM "User" WHERE "id" = ${session.userId}`);
  if (!user || user.sessionVersion !== session.sessionVersion || isBanned(user)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, mutedAt: user.mutedAt, mutedUntil: user.mutedUntil };
});

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Please log in first.");
  return user;
}

/** For pages: send visitors to the login page and back here afterwards. */
export async function requireUserOrRedirect(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
