import { z } from "zod";
import type { GiftAnimation } from "@/lib/generated/prisma/enums";
import { giftAnimations } from "@/lib/gifts/animations";
import { GIFT_ICONS } from "@/lib/gifts/icons";
import { type SettingKey, isSettingKey } from "@/lib/settings/schema";
import { roomNumberSchema } from "@/lib/shows/schema";

// Operator actions and dashboard queries: shared by the dashboard's forms (client) and the
// server, which always parses again.

export const REASON_MAX = 500;

/** Why an operator did it: required where the action takes something away from someone. */
export const reasonSchema = z
  .string()
  .trim()
  .min(1, "Give a reason (it goes into the audit log)")
  .max(REASON_MAX, `A reason must be at most ${REASON_MAX} characters`);

const optionalReasonSchema = z
  .string()
  .trim()
  .max(REASON_MAX, `A reason must be at most ${REASON_MAX} characters`)
  .optional()
  .transform((value) => value || null);

export const userIdSchema = z.string().trim().min(1, "No such user").max(64, "No such user");

/** An optional end (a ban, a mute): a moment in the future, or none (until lifted). */
const endSchema = z
  .date("Give a valid end date")
  .refine((date) => date.getTime() > Date.now(), "The end date must be in the future")
  .nullable()
  .optional()
  .transform((value) => value ?? null);

export const endShowSchema = z.object({ roomNumber: roomNumberSchema, reason: reasonSchema });

export const banSchema = z.object({ userId: userIdSchema, reason: reasonSchema, until: endSchema });
export const muteSchema = z.object({ userId: userIdSchema, reason: reasonSchema, until: endSchema });
export const liftSchema = z.object({ userId: userIdSchema, reason: optionalReasonSchema });
export const roleSchema = z.object({ userId: userIdSchema, role: z.enum(["USER", "OPERATOR"]), reason: optionalReasonSchema });

export const settingChangeSchema = z.object({
  key: z.custom<SettingKey>((value) => typeof value === "string" && isSettingKey(value), "No such setting"),
  // Checked by that setting's own schema (lib/settings/schema.ts) in lib/admin/settings.ts.
  value: z.unknown(),
  reason: optionalReasonSchema,
});

// Query strings of the dashboard's pages and routes: anything unexpected falls back to a default.
export const pageParamSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
const searchTextSchema = z.string().trim().max(100).catch("");

export const USER_FILTERS = ["all", "operators", "banned", "muted"] as const;
export type UserFilter = (typeof USER_FILTERS)[number];

export const userSearchSchema = z.object({
  q: searchTextSchema,
  filter: z.enum(USER_FILTERS).catch("all"),
  page: pageParamSchema,
});
export type UserSearch = z.output<typeof userSearchSchema>;

/** Every kind of audit entry, with how the log names it. Later sections add theirs here. */
export const AUDIT_ACTIONS = {
  "show.end": "Ended a show",
  "user.ban": "Banned",
  "user.unban": "Lifted a ban",
  "user.mute": "Muted site-wide",
  "user.unmute": "Unmuted",
  "user.promote": "Made operator",
  "user.demote": "Removed operator",
  "setting.update": "Changed a setting",
  "message.delete": "Deleted a message",
  "report.dismiss": "Dismissed a report",
  "egress.stop": "Stopped an output",
  "egress.cleanup": "Cleaned up stuck outputs",
  "recording.delete": "Deleted a recording",
  "gift.create": "Added a gift",
  "gift.update": "Changed a gift",
  "gift.retire": "Retired a gift",
  "gift.restore": "Put a gift back on the shelf",
  "screening.flag": "Screening flagged a show",
  "screening.blur": "Screening blurred a show",
  "screening.end": "Screening ended a show",
  "screening.clear": "Said a screened show looks fine",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

export const auditSearchSchema = z.object({
  q: searchTextSchema,
  action: z.unknown().transform((value) => (typeof value === "string" && isAuditAction(value) ? value : null)),
  page: pageParamSchema,
});
export type AuditSearch = z.output<typeof auditSearchSchema>;

// The reports queue (reports filed from the room: lib/moderation/report.ts).
export const REPORT_STATUSES = ["OPEN", "RESOLVED", "DISMISSED"] as const;
export const reportSearchSchema = z.object({ status: z.enum(REPORT_STATUSES).catch("OPEN"), page: pageParamSchema });
export type ReportSearch = z.output<typeof reportSearchSchema>;

/** What an operator can do about a report; mute and ban apply to the message's author or the show's host. */
export const REPORT_ACTIONS = {
  dismiss: "Dismiss",
  "delete-message": "Delete the message",
  mute: "Mute the user site-wide",
  ban: "Ban the user",
  "end-show": "End the show",
} as const;
export type ReportAction = keyof typeof REPORT_ACTIONS;
const reportActionNames = Object.keys(REPORT_ACTIONS) as [ReportAction, ...ReportAction[]];

export const handleReportSchema = z.object({
  reportId: z.string().trim().min(1, "No such report").max(64, "No such report"),
  action: z.enum(reportActionNames, "Choose what to do"),
  reason: reasonSchema,
});

// The gift catalog (lib/admin/gifts.ts). Prices are whole coins, never 0: a free gift would be
// an unlimited broadcast for anyone.
const giftFields = {
  name: z.string().trim().min(1, "Give the gift a name").max(30, "A name must be at most 30 characters"),
  price: z.coerce.number("Enter a price").int("A price is whole coins").min(1, "A price must be at least 1 coin").max(1_000_000, "At most 1,000,000 coins"),
  // Strings in, checked against the lists: the form sends what its selects hold.
  icon: z.string().pipe(z.enum(GIFT_ICONS, "Choose one of the icons")),
  animation: z.string().pipe(z.enum(Object.keys(giftAnimations) as [GiftAnimation, ...GiftAnimation[]], "Choose an animation")),
  sortOrder: z.coerce.number().int().min(0).max(10_000).default(0),
};
export const giftIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,29}$/, "An id is 1–30 lowercase letters, digits and dashes");
export const createGiftSchema = z.object({ id: giftIdSchema, ...giftFields });
export const updateGiftSchema = z.object({ id: giftIdSchema, ...giftFields, reason: optionalReasonSchema });
export const retireGiftSchema = z.object({ id: giftIdSchema, retired: z.boolean(), reason: optionalReasonSchema });

const egressIdSchema = z.string().trim().min(1, "No such output").max(100, "No such output");
export const deleteRecordingSchema = z.object({ recordingId: egressIdSchema, reason: reasonSchema });
export const stopOutputSchema = z.object({ egressId: egressIdSchema, reason: reasonSchema });
export const cleanupOutputsSchema = z.object({ reason: reasonSchema });
export const OUTPUT_FILTERS = ["running", "stuck", "all"] as const;
export const outputSearchSchema = z.object({ filter: z.enum(OUTPUT_FILTERS).catch("running"), page: pageParamSchema });
export type OutputSearch = z.output<typeof outputSearchSchema>;

/** Chart ranges, in seconds. */
export const METRIC_RANGES = { "1h": 3600, "24h": 86_400, "7d": 7 * 86_400 } as const;
export const METRIC_RANGE_NAMES = ["1h", "24h", "7d"] as const satisfies readonly (keyof typeof METRIC_RANGES)[];
export type MetricRange = (typeof METRIC_RANGE_NAMES)[number];

export const numbersSearchSchema = z.object({
  range: z.enum(METRIC_RANGE_NAMES).catch("1h"),
  room: roomNumberSchema.optional().catch(undefined),
});
