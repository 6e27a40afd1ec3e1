import { z } from "zod";

/**
 * Every abuse limit of the app, by name: `points` uses per `durationSeconds` per key (a user id,
 * an IP, an email). `growingBlockSeconds` blocks a key that exceeded its limit, doubling the block
 * each time it happens again within a day (up to `maxBlockSeconds`). `what` names the action in
 * the "… too often. Try again in N s." message.
 */
const wholePositive = z.number("must be a number").int("must be a whole number").positive("must be at least 1");

export const limitSchema = z.object({
  points: wholePositive,
  durationSeconds: wholePositive,
  growingBlockSeconds: wholePositive.optional(),
  maxBlockSeconds: wholePositive.optional(),
  what: z.string().min(1),
});

export type Limit = z.infer<typeof limitSchema>;

export const defaultLimits = {
  // Login: per account (brute force on one password) and per IP (spraying many accounts).
  "login.account": { points: 10, durationSeconds: 60, growingBlockSeconds: 60, maxBlockSeconds: 3600, what: "Too many login attempts" },
  "login.ip": { points: 50, durationSeconds: 600, growingBlockSeconds: 600, maxBlockSeconds: 86_400, what: "Too many login attempts from your network" },
  "register.ip": { points: 10, durationSeconds: 3600, what: "Too many new accounts from your network" },
  "show.go-live": { points: 6, durationSeconds: 60, what: "Going live too often" },
  "show.cover-upload": { points: 10, durationSeconds: 600, what: "Uploading covers too often" },
  "show.token": { points: 30, durationSeconds: 60, what: "Joining shows too often" },
  // An operator's monitor opens a dozen tiles per page, and again after each page change.
  "admin.monitor": { points: 240, durationSeconds: 60, what: "Opening monitor tiles too often" },
  // Starting pushes and adding destinations: each is an Egress job start (a Chromium and an encoder).
  "push.start": { points: 20, durationSeconds: 60, what: "Starting pushes too often" },
  // A watch page renews its link every few minutes; per viewer id.
  "playback.renew": { points: 20, durationSeconds: 60, what: "Renewing the playback link too often" },
  // Joint broadcast (lib/stage): per user.
  "stage.invite": { points: 30, durationSeconds: 60, what: "Inviting viewers on stage too often" },
  "stage.hand": { points: 10, durationSeconds: 60, what: "Raising and lowering your hand too often" },
  "stage.answer": { points: 20, durationSeconds: 60, what: "Answering stage invites too often" },
  "stage.control": { points: 60, durationSeconds: 60, what: "Changing the stage too often" },
  "gift.send": { points: 10, durationSeconds: 1, what: "Sending gifts too fast" },
  "wallet.top-up": { points: 20, durationSeconds: 600, what: "Topping up too often" },
  "wallet.grant": { points: 60, durationSeconds: 600, what: "Granting coins too often" },
  "chat.send": { points: 10, durationSeconds: 10, what: "Sending messages too fast" },
  // Catch-ups: on every (re)connection, and at most every 2 s while messages go missing.
  "chat.sync": { points: 60, durationSeconds: 60, what: "Reloading the chat too often" },
  "chat.moderate": { points: 60, durationSeconds: 60, what: "Moderating too fast" },
  // The original's "liking too often": one heart per second per viewer.
  "likes.tap": { points: 1, durationSeconds: 1, what: "Liking too often" },
  "report.create": { points: 10, durationSeconds: 600, what: "Reporting too often" },
  "screening.appeal": { points: 5, durationSeconds: 600, what: "Sending appeals too often" },
  "screening.review": { points: 60, durationSeconds: 60, what: "Reviewing too often" },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof defaultLimits;

export const limitNames = Object.keys(defaultLimits) as LimitName[];

export const DAY_SECONDS = 24 * 60 * 60;

/** The block after the n-th time a key went over its limit within a day: doubling, capped. */
export function growingBlockSeconds(limit: Limit, times: number): number {
  const base = limit.growingBlockSeconds ?? limit.durationSeconds;
  return Math.min(base * 2 ** Math.max(0, times - 1), limit.maxBlockSeconds ?? DAY_SECONDS);
}

export function isLimitName(name: string): name is LimitName {
  return Object.hasOwn(defaultLimits, name);
}

/**
 * Overrides of named limits, field by field (e.g. `{"login.account":{"points":5}}`): the operator
 * setting `rateLimits` (lib/settings), whose default comes from `SUIXIN_RATE_LIMITS`. Unknown
 * names are refused, and each limit must still be valid once the override is applied.
 */
export const rateLimitOverridesSchema = z.record(z.string(), limitSchema.partial()).superRefine((overrides, ctx) => {
  for (const [name, override] of Object.entries(overrides)) {
    if (!isLimitName(name)) {
      ctx.addIssue({ code: "custom", path: [name], message: `unknown limit "${name}"` });
      continue;
    }
    const merged = limitSchema.safeParse({ ...defaultLimits[name], ...override });
    for (const issue of merged.success ? [] : merged.error.issues) {
      ctx.addIssue({ code: "custom", path: [name, ...issue.path.map(String)], message: issue.message });
    }
  }
});

export type RateLimitOverrides = z.output<typeof rateLimitOverridesSchema>;

/** `SUIXIN_RATE_LIMITS` (JSON) as overrides; unknown names and bad values are refused. */
export function parseRateLimitOverrides(raw: string | undefined): RateLimitOverrides {
  if (!raw) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error("SUIXIN_RATE_LIMITS is not valid JSON");
  }
  const parsed = rateLimitOverridesSchema.safeParse(json);
  if (!parsed.success) throw new Error(`SUIXIN_RATE_LIMITS: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** The limits in force: the defaults with the overrides applied. */
export function resolveLimits(overrides: RateLimitOverrides): Record<LimitName, Limit> {
  const limits: Record<LimitName, Limit> = { ...defaultLimits };
  for (const [name, override] of Object.entries(overrides)) {
    if (isLimitName(name)) limits[name] = limitSchema.parse({ ...limits[name], ...override });
  }
  return limits;
}
