import type { UserRole } from "@/lib/generated/prisma/enums";

/** A user's role in one show, derived from the show and the account. */
export type ShowRole = "host" | "viewer" | "operator";

// Permissions as data: who may do what in a show. Checked by `can` only.
const grants = {
  "show.publish": ["host"],
  "show.subscribe": ["host", "viewer", "operator"],
  "show.end": ["host", "operator"],
  // HLS, RTMP push and MP4 recording of the show: the host's media, the host's call.
  "show.broadcast": ["host"],
  // Automatic screening: operators read frames and scores and decide ("looks fine"); an operator
  // hosting a show does not review their own. The host is told and may appeal.
  "screening.review": ["operator"],
  "screening.appeal": ["host"],
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
