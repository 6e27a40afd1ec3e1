import { z } from "zod";

/** Every error a user can see has one of these codes; the status is decided here only. */
export const errorStatus = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BANNED: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  ALREADY_LIVE: 409,
  EGRESS_RUNNING: 409,
  LAST_OPERATOR: 409,
  CONFLICT: 409,
  CHANNEL_LIMIT: 409,
  STAGE_FULL: 409,
  STAGE_CONFLICT: 409,
  INVITE_EXPIRED: 410,
  SHOW_ENDED: 410,
  INSUFFICIENT_FUNDS: 402,
  IDEMPOTENCY_CONFLICT: 409,
  GIFT_RETIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  LIVEKIT_UNAVAILABLE: 503,
  EGRESS_UNAVAILABLE: 503,
  PUSH_TIMEOUT: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** RATE_LIMITED: when the same request may succeed again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export type ErrorBody = { code: ErrorCode; message: string; fields?: FieldErrors; retryAfterSeconds?: number };

export function validationError(error: z.ZodError): AppError {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  const first = error.issues[0]?.message ?? "Invalid input";
  return new AppError("VALIDATION", first, fields);
}

/** Maps anything thrown to what a user may see. Unknown errors are logged, not shown. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  const appError =
    error instanceof AppError
      ? error
      : error instanceof z.ZodError
        ? validationError(error)
        : null;
  if (appError) {
    const body: ErrorBody = { code: appError.code, message: appError.message };
    if (appError.fields) body.fields = appError.fields;
    if (appError.retryAfterSeconds !== undefined) body.retryAfterSeconds = appError.retryAfterSeconds;
    return { status: appError.status, body };
  }
  console.error("[suixin] unexpected error", error);
  return { status: 500, body: { code: "INTERNAL", message: "Something went wrong. Please try again." } };
}

export function errorResponse(error: unknown): Response {
  const { status, body } = toErrorBody(error);
  const headers: HeadersInit = body.retryAfterSeconds !== undefined ? { "retry-after": String(body.retryAfterSeconds) } : {};
  return Response.json({ error: body }, { status, headers });
}
