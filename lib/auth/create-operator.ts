import "server-only";
import type { z } from "zod";
import { registerUser } from "@/lib/auth/register-user";
import type { registerSchema } from "@/lib/auth/schema";
import { db } from "@/lib/db";

/** The account with this email, if any (admin:create decides between create and promote). */
export function findAccount(email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, role: true } });
}

/** A new operator account; EMAIL_TAKEN if the email is registered already. */
export async function createOperator(input: z.output<typeof registerSchema>): Promise<void> {
  await registerUser(input, "OPERATOR");
}

/**
 * Makes an existing account an operator, password unchanged. Only on an explicit request
 * (`--promote`): anyone can register any email, so an existing account is not the caller's.
 */
export async function promoteToOperator(email: string): Promise<void> {
  await db.user.update({ where: { email }, data: { role: "OPERATOR" } });
}
