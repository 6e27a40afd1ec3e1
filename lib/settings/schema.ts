import { z } from "zod";
import { rateLimitOverridesSchema } from "@/lib/rate-limit/limits";
import { DEFAULT_SCREENING_RULES, screeningRulesSchema } from "@/lib/screening/rules";

/** A whole number in a range; the messages are what the settings page shows. */
function whole(min: number, max: number, unit: string) {
  return z
    .number("Enter a number")
    .int("Enter a whole number")
    .min(min, `At least ${min} ${unit}`)
    .max(max, `At most ${max} ${unit}`);
}

/**
 * Operator settings: stored in the database (table Setting, one row per key), effective on every
 * app instance within a second or two of a change, no restart. Each key has one schema, used
 * when an operator saves it and when a stored value is read back. Defaults: `settingDefaults`.
 */
export const settingSchemas = {
  /** How long a show waits for a disconnected host before it ends by itself. */
  hostGraceSeconds: whole(5, 3600, "seconds"),
  /** Push channels (HLS/RTMP outputs) one account may have open at once. */
  pushChannelLimit: whole(1, 20, "channels"),
  /** How long a dropped host's push channel (and its playback URL) is kept for a restart. */
  pushChannelHoldSeconds: whole(10, 24 * 3600, "seconds"),
  /** How long a signed HLS playback link stays valid; the watch page renews it while it plays. */
  playbackLinkSeconds: whole(10, 24 * 3600, "seconds"),
  /** MP4 recordings are split into parts of this length. */
  recordingPartSeconds: whole(10, 6 * 3600, "seconds"),
  /** Ended HLS runs are deleted after this long (unless kept as a recording). */
  hlsRetentionHours: whole(1, 30 * 24, "hours"),
  /** Allow RTMP pushes to loopback/private/link-local hosts (off: Egress cannot be used as a port scanner). */
  allowPrivateRtmp: z.boolean(),
  /** The built-in test payment provider (coins for free): never on in production unless an operator says so. */
  testTopUpEnabled: z.boolean(),
  /** Share of each gift's coins that goes to the platform, in percent. */
  platformSharePercent: whole(0, 100, "percent"),
  /** A sender's same gift again within this long counts up a combo (×2, ×3…). */
  giftComboSeconds: whole(1, 60, "seconds"),
  /** Words masked in chat (case-insensitive, whole words). */
  wordFilter: z
    .array(z.string().trim().min(1, "A word cannot be empty").max(40, "A word must be at most 40 characters"))
    .max(1000, "At most 1000 words"),
  /** How long an invite on stage waits for the viewer's answer (the dialog's countdown). */
  stageInviteSeconds: whole(5, 300, "seconds"),
  /** How long a new guest has to get camera and microphone published before being taken off stage. */
  stagePublishSeconds: whole(5, 120, "seconds"),
  /** Overrides of the abuse limits in lib/rate-limit/limits.ts, per named limit and field. */
  rateLimits: rateLimitOverridesSchema,
  /** How often the server takes a frame of every camera of every live show and screens it. */
  screeningIntervalSeconds: whole(1, 3600, "seconds"),
  /** What screening scores mean: per class a threshold (0–1) and an action (flag, blur, end). */
  screeningRules: screeningRulesSchema,
  /** Screening samples (scores and captured frames) are deleted after this long, unless a flag keeps the frame. */
  screeningSampleRetentionHours: whole(1, 90 * 24, "hours"),
  /** Screening flags (their frame and scores) are deleted this long after they were raised. */
  screeningFlagRetentionDays: whole(1, 3650, "days"),
  /** After an operator said "looks fine", automatic flags and blurs of that show pause for this long (end rules still apply). */
  screeningQuietMinutes: whole(0, 24 * 60, "minutes"),
} as const satisfies Record<string, z.ZodType>;

export type SettingKey = keyof typeof settingSchemas;
export type Settings = { [K in SettingKey]: z.output<(typeof settingSchemas)[K]> };

export const settingKeys = Object.keys(settingSchemas) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingSchemas, key);
}

/** Built-in defaults; a deployment (or the test profile) changes them with SUIXIN_SETTINGS. */
export const builtInSettings: Settings = {
  hostGraceSeconds: 60,
  pushChannelLimit: 2,
  pushChannelHoldSeconds: 3600,
  playbackLinkSeconds: 600,
  recordingPartSeconds: 3600,
  hlsRetentionHours: 24,
  allowPrivateRtmp: false,
  testTopUpEnabled: false,
  platformSharePercent: 0,
  giftComboSeconds: 5,
  wordFilter: ["fuck", "shit", "cunt"],
  stageInviteSeconds: 30,
  stagePublishSeconds: 20,
  rateLimits: {},
  screeningIntervalSeconds: 15,
  screeningRules: DEFAULT_SCREENING_RULES,
  screeningSampleRetentionHours: 24,
  screeningFlagRetentionDays: 90,
  screeningQuietMinutes: 30,
};

/**
 * The defaults in force: `base` (the built-in values, with `rateLimits` from SUIXIN_RATE_LIMITS
 * when the app reads them) overridden by `SUIXIN_SETTINGS` (JSON, e.g. `{"hostGraceSeconds":10}`).
 * Unknown keys and invalid values are refused.
 */
export function settingDefaults(raw: string | undefined, base: Settings = builtInSettings): Settings {
  const settings: Settings = { ...base };
  if (!raw) return settings;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error("SUIXIN_SETTINGS is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("SUIXIN_SETTINGS must be a JSON object");
  for (const [key, value] of Object.entries(parsed)) {
    if (!isSettingKey(key)) throw new Error(`SUIXIN_SETTINGS: unknown setting "${key}"`);
    const result = settingSchemas[key].safeParse(value);
    if (!result.success) throw new Error(`SUIXIN_SETTINGS.${key}: ${result.error.issues[0]?.message ?? "invalid"}`);
    Object.assign(settings, { [key]: result.data });
  }
  return settings;
}
