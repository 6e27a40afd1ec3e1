import { z } from "zod";
import { emailSchema } from "@/lib/auth/schema";

// Shared by the operator's grant form and the server.
export const GRANT_MAX = 1_000_000;

export const grantSchema = z.object({
  email: emailSchema,
  amount: z.coerce
    .number({ error: "Enter a number of coins" })
    .int("Coins are whole numbers")
    .min(1, "Grant at least 1 coin")
    .max(GRANT_MAX, `Grant at most ${GRANT_MAX.toLocaleString("en")} coins at a time`),
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(200, "The reason must be at most 200 characters"),
});
export type GrantInput = z.output<typeof grantSchema>;

/** Which of a user's statements to show: their wallet, or (for hosts) their gift earnings. */
export const statementAccountSchema = z.enum(["wallet", "earnings"]).catch("wallet");
