import "server-only";
import type { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { loginSchema } from "@/lib/auth/schema";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { banNotice, isBanned } from "@/lib/users/standing";

// Compared against when the email is unknown, so both paths cost one KDF run.
const decoy = hashPassword("suixin-decoy-password");

/**
 * Returns the user for a correct email + password, otherwise null (never says which was wrong).
 * A banned account is refused with BANNED and the ban's terms, only once the password was right.
 */
export async function verifyCredentials({ email, password }: z.output<typeof loginSchema>) {
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      passwordHash: true,
      sessionVersion: true,
      bannedAt: true,
      bannedUntil: true,
      banReason: true,
    },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoy));
  if (!user || !ok) return null;
  if (isBanned(user)) throw new AppError("BANNED", banNotice(user));
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
