import "server-only";
import type { z } from "zod";
import { requireOperator } from "@/lib/admin/require-operator";
import type { SitePermission } from "@/lib/auth/permissions";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { type ErrorBody, toErrorBody, validationError } from "@/lib/errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

function failed(error: unknown): { ok: false; error: ErrorBody } {
  return { ok: false, error: toErrorBody(error).body };
}

/** Base of the action chain: parse the input with the domain's schema, run, map errors. */
export function action<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const parsed = schema.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error);
      return { ok: true, data: await run(parsed.data) };
    } catch (error) {
      return failed(error);
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

/**
 * An operator's action on the dashboard: the caller must hold `permission` (lib/auth/permissions)
 * before the input is even looked at, so visitors always get 401 and users 403.
 */
export function operatorAction<S extends z.ZodType, T>(
  permission: SitePermission,
  schema: S,
  run: (input: z.output<S>, operator: SessionUser) => Promise<T>,
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    let operator: SessionUser;
    try {
      operator = await requireOperator(permission);
    } catch (error) {
      return failed(error);
    }
    return action(schema, (parsed) => run(parsed, operator))(input);
  };
}
