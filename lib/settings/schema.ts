import { z } from "zod";

/**
 * Operator settings: stored in the database (table Setting, one row per key), effective on every
 * app instance within a second or two of a change, no restart. Each key has one schema, used
 * when an operator saves it and when a stored value is read back. Defaults: `settingDefaults`.
 */
export const settingSchemas = {
  /** How long a show waits for a disconnected host before it ends by itself. */
  hostGraceSeconds: z.number().int().min(5).max(3600),
  /** Push channels (HLS/RTMP outputs) one account may have open at once. */
  pushChannelLimit: z.number().int().min(1).max(20),
  /** How long a dropped host's push channel (and its playback URL) is kept for a restart. */
  pushChannelHoldSeconds: z.number().int().min(10).max(24 * 3600),
  /** How long a signed HLS playback link stays valid; the watch page renews it while it plays. */
  playbackLinkSeconds: z.number().int().min(10).max(24 * 3600),
  /** MP4 recordings are split into parts of this length. */
  recordingPartSeconds: z.number().int().min(10).max(6 * 3600),
  /** Ended HLS runs are deleted after this long (unless kept as a recording). */
  hlsRetentionHours: z.number().int().min(1).max(30 * 24),
  /** Allow RTMP pushes to loopback/private/link-local hosts (off: Egress cannot be used as a port scanner). */
  allowPrivateRtmp: z.boolean(),
  /** The built-in test payment provider (coins for free): never on in production unless an operator says so. */
  testTopUpEnabled: z.boolean(),
  /** Share of each gift's coins that goes to the platform, in percent. */
  platformSharePercent: z.number().int().min(0).max(100),
  /** A sender's same gift again within this long counts up a combo (×2, ×3…). */
  giftComboSeconds: z.number().int().min(1).max(60),
  /** Words masked in chat (case-insensitive, whole words). */
  wordFilter: z.array(z.string().trim().min(1).max(40)).max(1000),
  /** How long an invite on stage waits for the viewer's answer (the dialog's countdown). */
  stageInviteSeconds: z.number().int().min(5).max(300),
  /** How long a new guest has to get camera and microphone published before being taken off stage. */
  stagePublishSeconds: z.number().int().min(5).max(120),
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
};

/**
 * The defaults in force: built-in values overridden by `SUIXIN_SETTINGS` (JSON, e.g.
 * `{"hostGraceSeconds":10}`). Unknown keys and invalid values are refused.
 */
export function settingDefaults(raw: string | undefined): Settings {
  const settings: Settings = { ...builtInSettings };
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
