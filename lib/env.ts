import "server-only";
import { hkdfSync } from "node:crypto";
import { z } from "zod";

// Validated lazily (first use, at request time) so `next build` needs no secrets.
const envSchema = z.object({
  DATABASE_URL: z.url(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  /** WebSocket URL browsers use to reach LiveKit. */
  LIVEKIT_URL: z.url(),
  /** HTTP URL the server SDK uses (RoomService, Egress). */
  LIVEKIT_API_URL: z.url(),
  LIVEKIT_API_KEY: z.string().min(1),
  LIVEKIT_API_SECRET: z.string().min(32, "must be at least 32 characters"),
  /** Signs HLS playback links (lib/push/playback-token); derived from NEXTAUTH_SECRET when unset. */
  SUIXIN_PLAYBACK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The app's own URL (Auth.js); Egress's Chromium reaches the composite page under it unless SUIXIN_COMPOSITE_URL says otherwise. */
  NEXTAUTH_URL: z.url().optional(),
  /** The composite page (app/egress/layout) as Egress's Chromium reaches it, when that is not NEXTAUTH_URL + /egress/layout. */
  SUIXIN_COMPOSITE_URL: z.url().optional(),
  /** Shared state across app instances (rate limits, counters). */
  REDIS_URL: z.url(),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: none, the app faces clients). */
  SUIXIN_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** JSON overrides of lib/rate-limit/limits.ts, e.g. {"login.account":{"durationSeconds":10}}. */
  SUIXIN_RATE_LIMITS: z.string().optional(),
  /** Where egress outputs and uploads live (absolute path). */
  SUIXIN_DATA_DIR: z.string().min(1),
  /** JSON defaults of the operator settings (lib/settings/schema.ts), e.g. {"hostGraceSeconds":10}. */
  SUIXIN_SETTINGS: z.string().optional(),
  /** How often the app reconciles its show list against LiveKit. */
  SUIXIN_RECONCILE_SECONDS: z.coerce.number().int().positive().default(15),
  /** How often the leader samples audience figures for the dashboard's charts (lib/metrics). */
  SUIXIN_METRICS_SAMPLE_SECONDS: z.coerce.number().int().positive().default(30),
  /** How often the leader sweeps files past their retention (ended HLS runs). */
  SUIXIN_CLEANUP_SECONDS: z.coerce.number().int().positive().default(300),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    // Names and reasons only: never echo values, they may be secrets.
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid server environment:\n  ${problems.join("\n  ")}`);
  }
  cached = parsed.data;
  return cached;
}

let playbackKey: Buffer | undefined;

/**
 * The key of playback-link signatures: SUIXIN_PLAYBACK_SECRET, or a key derived from
 * NEXTAUTH_SECRET for this one purpose (HKDF with its own label), so a leaked link key never
 * signs sessions and no deployment needs one more secret.
 */
export function playbackSecret(): Buffer {
  if (playbackKey) return playbackKey;
  const { SUIXIN_PLAYBACK_SECRET, NEXTAUTH_SECRET } = env();
  playbackKey = SUIXIN_PLAYBACK_SECRET
    ? Buffer.from(SUIXIN_PLAYBACK_SECRET)
    : Buffer.from(hkdfSync("sha256", NEXTAUTH_SECRET, "suixin", "playback links", 32));
  return playbackKey;
}

/** Where Egress's Chromium loads the composite page for a job that names its page (the overlay). */
export function compositePageUrl(): string {
  const { SUIXIN_COMPOSITE_URL, NEXTAUTH_URL } = env();
  if (SUIXIN_COMPOSITE_URL) return SUIXIN_COMPOSITE_URL;
  if (!NEXTAUTH_URL) throw new Error("Set NEXTAUTH_URL or SUIXIN_COMPOSITE_URL: the overlay's composite page needs a URL Egress can reach");
  return new URL("/egress/layout", NEXTAUTH_URL).toString();
}

/** Only the database URL: for tools (e.g. scripts/admin-create.ts) that need nothing else. */
export function databaseUrl(): string {
  const parsed = envSchema.shape.DATABASE_URL.safeParse(process.env.DATABASE_URL);
  if (!parsed.success) throw new Error("DATABASE_URL is missing or not a URL");
  return parsed.data;
}
