import "server-only";
import { emailSchema } from "@/lib/auth/schema";
import { consume, reset } from "@/lib/rate-limit";

/**
 * Counts a login attempt against the caller's IP and the account it names, before any password
 * is hashed: throws RATE_LIMITED once either has had too many (blocks grow with each repeat).
 */
export async function guardLoginAttempt(ip: string, email: unknown): Promise<void> {
  await consume("login.ip", ip);
  const account = emailSchema.safeParse(email);
  if (account.success) await consume("login.account", account.data);
}

/** A correct password clears the account's failed attempts. */
export async function loginSucceeded(email: string): Promise<void> {
  await reset("login.account", email);
}
