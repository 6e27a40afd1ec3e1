import type { UserRole } from "@/lib/generated/prisma/enums";

/** A user's role in one show, derived from the show, the account and the stage. */
export type ShowRole = "host" | "guest" | "viewer" | "operator";

// Permissions as data: who may do what in a show. Checked by `can` only.
const grants = {
  "show.publish": ["host"],
  "show.subscribe": ["host", "guest", "viewer", "operator"],
  "show.end": ["host", "operator"],
  // HLS, RTMP push and MP4 recording of the show: the host's media, the host's call.
  "show.broadcast": ["host"],
  // Joint broadcast (lib/stage). The host runs the stage: invites, hands, mutes, removals.
  "stage.manage": ["host"],
  // Who may be invited on stage, raise a hand or accept: a viewer (checked on the target).
  "stage.join": ["viewer"],
  // What a guest may publish: camera and microphone only (see lib/stage/access.ts).
  "stage.publish": ["guest"],
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
