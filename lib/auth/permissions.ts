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
  "show.like": ["viewer", "operator"],
  "show.report": ["viewer", "operator"],
  "chat.send": ["host", "viewer", "operator"],
  "chat.report": ["host", "viewer", "operator"],
  // Moderation in the room: the host in their show, operators anywhere.
  "chat.delete": ["host", "operator"],
  "chat.mute": ["host", "operator"],
  "chat.slow-mode": ["host", "operator"],
  // The target's side: whom mute and slow mode apply to (never the host or an operator).
  "chat.moderated": ["viewer"],
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
