import type { ScreeningRule } from "@/lib/screening/rules";
import type { SettingKey, Settings } from "@/lib/settings/schema";

/** How the settings page edits a value of this type (checked against the schema's type). */
type KindOf<V> = V extends number ? "number" : V extends boolean ? "boolean" : V extends string[] ? "list" : V extends ScreeningRule[] ? "screening-rules" : "rate-limits";

export type SettingField<K extends SettingKey> = { label: string; help: string; unit?: string; kind: KindOf<Settings[K]> };

/**
 * What the settings page says about each setting. Typed over every key: a new setting in
 * lib/settings/schema.ts does not compile until it has its entry here (and so its form).
 */
export const settingFields: { [K in SettingKey]: SettingField<K> } = {
  hostGraceSeconds: {
    label: "Host grace period",
    help: "How long a show waits for a host whose connection dropped before it ends by itself.",
    unit: "seconds",
    kind: "number",
  },
  pushChannelLimit: { label: "Push channel limit", help: "HLS/RTMP outputs one account may have open at once.", kind: "number" },
  pushChannelHoldSeconds: {
    label: "Push channel hold",
    help: "How long a dropped host's push channel (and its playback URL) is kept for a restart.",
    unit: "seconds",
    kind: "number",
  },
  playbackLinkSeconds: {
    label: "Playback link lifetime",
    help: "How long a signed HLS playback link stays valid; a playing watch page renews it.",
    unit: "seconds",
    kind: "number",
  },
  recordingPartSeconds: { label: "Recording part length", help: "MP4 recordings are split into parts of this length (at least 10 s).", unit: "seconds", kind: "number" },
  hlsRetentionHours: { label: "HLS retention", help: "Ended HLS runs are deleted after this long, unless kept as a recording.", unit: "hours", kind: "number" },
  allowPrivateRtmp: {
    label: "Private-network RTMP allowed",
    help: "Allow pushes to loopback, private and link-local addresses (off: Egress cannot be used to reach the internal network).",
    kind: "boolean",
  },
  testTopUpEnabled: { label: "Test top-up", help: "The built-in test payment provider: coins for free. Never on in production.", kind: "boolean" },
  platformSharePercent: { label: "Platform share of gifts", help: "Share of each gift's coins that goes to the platform.", unit: "percent", kind: "number" },
  giftComboSeconds: { label: "Gift combo window", help: "A sender's same gift again within this long counts up a combo (×2, ×3…).", unit: "seconds", kind: "number" },
  wordFilter: { label: "Word filter", help: "Words masked in chat (whole words, any case), one per line.", kind: "list" },
  stageInviteSeconds: { label: "Stage invite answer time", help: "How long an invite on stage waits for the viewer's answer.", unit: "seconds", kind: "number" },
  stagePublishSeconds: {
    label: "Stage publish deadline",
    help: "How long a new guest has to publish camera and microphone before being taken off stage.",
    unit: "seconds",
    kind: "number",
  },
  rateLimits: {
    label: "Rate limits",
    help: "Uses allowed per window per key (account, user or network); a blocked key waits, doubling each time it happens again within a day, up to the cap.",
    kind: "rate-limits",
  },
  screeningIntervalSeconds: { label: "Screening interval", help: "How often the server takes a frame of every camera of every live show and classifies it.", unit: "seconds", kind: "number" },
  screeningRules: {
    label: "Screening rules",
    help: "What the classifier's scores mean: a class at or above its threshold flags the show for review, blurs it for viewers until an operator decides, or ends it. The strongest matching rule wins.",
    kind: "screening-rules",
  },
  screeningSampleRetentionHours: { label: "Screening sample retention", help: "Scores and frames of samples are deleted after this long (a flag keeps its own frame).", unit: "hours", kind: "number" },
  screeningFlagRetentionDays: { label: "Screening flag retention", help: "Flags, with their frame and scores, are deleted this long after they were raised.", unit: "days", kind: "number" },
  screeningQuietMinutes: { label: "Quiet time after “looks fine”", help: "After an operator cleared a show, automatic flags and blurs of it pause for this long (end rules still apply).", unit: "minutes", kind: "number" },
};
