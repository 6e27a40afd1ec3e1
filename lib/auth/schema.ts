import { z } from "zod";

// Shared by the forms (client) and the server; the server always parses again.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254, "Email is too long"));

export const passwordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(128, "Password must be at most 128 characters");

export const registerSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a display name").max(40, "Display name must be at most 40 characters"),
  password: passwordSchema,
});

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(128),
});

export type RegisterInput = z.input<typeof registerSchema>;
export type LoginInput = z.input<typeof loginSchema>;

/**
 * What the site header shows about the signed-in user. Pages are shared by everyone (the room
 * list is cached), so the browser asks `/api/account` for this after the page loaded. Add what
 * the header needs (e.g. a coin balance) here and in `lib/auth/account-summary.ts`.
 */
// The coin balance is the header's starting value; the wallet store keeps it current in the tab.
// `operator`: the header links to the dashboard (which checks the role itself on every request).
export const accountSummarySchema = z.object({ name: z.string(), balance: z.number().int().nonnegative(), operator: z.boolean() });
export const accountAnswerSchema = z.object({ account: accountSummarySchema.nullable() });

export type AccountSummary = z.infer<typeof accountSummarySchema>;
export type AccountAnswer = z.infer<typeof accountAnswerSchema>;
