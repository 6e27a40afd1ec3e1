import "server-only";
import type { z } from "zod";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { type ErrorBody, toErrorBody, validationError } from "@/lib/errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Base of the action chain: parse the input with the domain's schema, run, map errors. */
export function action<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const parsed = schema.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error);
      return { ok: true, data: await run(parsed.data) };
    } catch (error) {
      return { ok: false, error: toErrorBody(error).body };
    }
  };
}

/** An action that needs a logged-in user; the user comes from the session, never the input. */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>, user: SessionUser) => Promise<T>,
) {
  return action(schema, async (input) => run(input, await requireUser()));
}
