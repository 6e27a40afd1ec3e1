import type { UserRole } from "@/lib/generated/prisma/enums";

/** A user's role in one show, derived from the show, the account and the stage. */
export type ShowRole = "host" | "guest" | "viewer" | "operator";

// Permissions as data: who may do what in a show. Checked by `can` only.
const grants = {
  "show.publish": ["host"],
  "show.subscribe": ["host", "guest", "viewer", "operator"],
  // An operator ends someone else's show from the dashboard only (lib/admin: audited).
  "show.end": ["host"],
  "show.summary": ["host", "operator"],
  // HLS, RTMP push and MP4 recording of the show: the host's media, the host's call.
  "show.broadcast": ["host"],
  // Joint broadcast (lib/stage). The host runs the stage: invites, hands, mutes, removals.
  "stage.manage": ["host"],
  // Who may be invited on stage, raise a hand or accept: a viewer (checked on the target).
  "stage.join": ["viewer"],
  // What a guest may publish: camera and microphone only (see lib/stage/access.ts).
  "stage.publish": ["guest"],
  // Gifts pay the host: anyone watching may send one, the host not to themselves.
  "show.gift": ["guest", "viewer", "operator"],
  // What the host earned from a show's gifts (everyone sees its gift count and coin value).
  "show.earnings": ["host", "operator"],
  // Coins out of nothing (with a reason): operators only.
  "wallet.grant": ["operator"],
  // Guests on stage chat, heart and report like viewers (and are moderated like them).
  "show.like": ["guest", "viewer", "operator"],
  "show.report": ["guest", "viewer", "operator"],
  "chat.send": ["host", "guest", "viewer", "operator"],
  "chat.report": ["host", "guest", "viewer", "operator"],
  // Moderation in the room: the host in their show, operators anywhere.
  "chat.delete": ["host", "operator"],
  "chat.mute": ["host", "operator"],
  "chat.slow-mode": ["host", "operator"],
  // The target's side: whom mute and slow mode apply to (never the host or an operator).
  "chat.moderated": ["guest", "viewer"],
  // Automatic screening: operators read frames and scores and decide ("looks fine"); an operator
  // hosting a show does not review their own. The host is told and may appeal.
  "screening.review": ["operator"],
  "screening.appeal": ["host"],
} as const satisfies Record<string, readonly ShowRole[]>;

export type Permission = keyof typeof grants;

export function can(role: ShowRole, permission: Permission): boolean {
  return (grants[permission] as readonly ShowRole[]).includes(role);
}

/** `onStage`: the user holds one of the show's stage seats (lib/stage). */
export function showRoleOf(user: { id: string; role: UserRole }, show: { hostId: string }, onStage = false): ShowRole {
  if (show.hostId === user.id) return "host";
  if (user.role === "OPERATOR") return "operator";
  return onStage ? "guest" : "viewer";
}

/** A user's role outside any show (e.g. the wallet): operators, and everyone else. */
export function accountRoleOf(user: { role: UserRole }): ShowRole {
  return user.role === "OPERATOR" ? "operator" : "viewer";
}

/** A user's role on the site as a whole (the admin dashboard), from the account. */
export type SiteRole = "user" | "operator";

// Permissions as data: what each site role may do on the admin dashboard. Checked by `canOnSite`
// only (lib/admin/require-operator.ts).
const siteGrants = {
  // see the dashboard: live monitor, users, numbers, audit log, settings
  "admin.view": ["operator"],
  // watch any live show as a hidden, muted tile
  "admin.monitor": ["operator"],
  "admin.show.end": ["operator"],
  "admin.user.ban": ["operator"],
  "admin.user.mute": ["operator"],
  "admin.user.role": ["operator"],
  "admin.settings.edit": ["operator"],
  // the reports queue: dismiss, or act (delete the message, mute/ban, end the show)
  "admin.report.handle": ["operator"],
  // outputs and channels: stop one, clean up stuck ones
  "admin.output.stop": ["operator"],
  "admin.recording.delete": ["operator"],
  "admin.gift.edit": ["operator"],
} as const satisfies Record<string, readonly SiteRole[]>;

export type SitePermission = keyof typeof siteGrants;

export function siteRoleOf(user: { role: UserRole }): SiteRole {
  return user.role === "OPERATOR" ? "operator" : "user";
}

export function canOnSite(user: { role: UserRole }, permission: SitePermission): boolean {
  return (siteGrants[permission] as readonly SiteRole[]).includes(siteRoleOf(user));
}
