import type { UserRole } from "@/lib/generated/prisma/enums";

/** A user's role in one show, derived from the show and the account. */
export type ShowRole = "host" | "viewer" | "operator";

// Permissions as data: who may do what in a show. Checked by `can` only.
const grants = {
  "show.publish": ["host"],
  "show.subscribe": ["host", "viewer", "operator"],
  // An operator ends someone else's show from the dashboard only (lib/admin: audited).
  "show.end": ["host"],
  "show.summary": ["host", "operator"],
  // HLS, RTMP push and MP4 recording of the show: the host's media, the host's call.
  "show.broadcast": ["host"],
} as const satisfies Record<string, readonly ShowRole[]>;

export type Permission = keyof typeof grants;

export function can(role: ShowRole, permission: Permission): boolean {
  return (grants[permission] as readonly ShowRole[]).includes(role);
}

export function showRoleOf(user: { id: string; role: UserRole }, show: { hostId: string }): ShowRole {
  if (show.hostId === user.id) return "host";
  if (user.role === "OPERATOR") return "operator";
  return "viewer";
}

/** A user's role on the site as a whole (the admin dashboard), from the account. */
export type SiteRole = "user" | "operator";

// Permissions as data: what each site role may do on the admin dashboard. Checked by `canOnSite`
// only (lib/admin/require-operator.ts). Later sections add theirs here (reports, outputs,
// recordings, gifts).
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
} as const satisfies Record<string, readonly SiteRole[]>;

export type SitePermission = keyof typeof siteGrants;

export function siteRoleOf(user: { role: UserRole }): SiteRole {
  return user.role === "OPERATOR" ? "operator" : "user";
}

export function canOnSite(user: { role: UserRole }, permission: SitePermission): boolean {
  return (siteGrants[permission] as readonly SiteRole[]).includes(siteRoleOf(user));
}
