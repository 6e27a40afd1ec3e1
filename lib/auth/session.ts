import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isBanned } from "@/lib/users/standing";

/**
 * The logged-in user, read fresh from the database (the session only carries the id and the
 * session version it was issued with), so role changes, bans, revoked sessions and deleted
 * accounts take effect at once. Cached per request.
 */
export const getCurrentUser = cache(async () => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      mutedAt: true,
      mutedUntil: true,
      bannedAt: true,
      bannedUntil: true,
      sessionVersion: true,
    },
  });
  if (!user || user.sessionVersion !== session.user?.sessionVersion || isBanned(user)) return null;
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
