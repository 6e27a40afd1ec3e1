import "server-only";
import type { z } from "zod";
import { registerUser } from "@/lib/auth/register-user";
import type { registerSchema } from "@/lib/auth/schema";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Creates an operator account, or promotes the existing account with that email (password unchanged). */
export async function createOperator(input: z.output<typeof registerSchema>): Promise<"created" | "promoted"> {
  try {
    await registerUser(input, "OPERATOR");
    return "created";
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "EMAIL_TAKEN") throw error;
    await db.user.update({ where: { email: input.email }, data: { role: "OPERATOR" } });
    return "promoted";
  }
}
