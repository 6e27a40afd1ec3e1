import { format } from "date-fns";

// An account's standing: banned or muted site-wide, decided from its own fields (no query), so
// the session check and the chat rule can ask about the user they already hold.

type BanFields = { bannedAt: Date | null; bannedUntil: Date | null };
type MuteFields = { mutedAt: Date | null; mutedUntil: Date | null };

/** Banned now: a ban was set and has no end, or ends in the future. */
export function isBanned(user: BanFields, now = new Date()): boolean {
  return user.bannedAt !== null && (user.bannedUntil === null || user.bannedUntil > now);
}

/** Muted site-wide now: may watch, may not chat (the chat send rule asks this). */
export function isMutedSiteWide(user: MuteFields, now = new Date()): boolean {
  return user.mutedAt !== null && (user.mutedUntil === null || user.mutedUntil > now);
}

function until(end: Date | null): string {
  return end ? ` until ${format(end, "d MMM yyyy, HH:mm")}` : "";
}

/** What a banned person reads when they try to log in. */
export function banNotice(user: BanFields & { banReason: string | null }): string {
  return `This account is banned${until(user.bannedUntil)}${user.banReason ? `: ${user.banReason}` : "."}`;
}

/** What a muted person reads when they try to chat. */
export function muteNotice(user: MuteFields): string {
  return `You are muted on Suixin${until(user.mutedUntil)}.`;
}
