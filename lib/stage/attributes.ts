// Participant attributes the server sets on stage changes (read by the room pages; chat can
// badge guests with `role`). Setting an attribute to "" removes it.

export const ROLE_ATTRIBUTE = "role";

/** "host" (from the token), "guest" (on stage), "viewer" */
export type ParticipantRole = "host" | "guest" | "viewer";

/** A guest's seat number, "1".."3": the order of the tiles. */
export const SEAT_ATTRIBUTE = "stageSeat";

export const MUTED_BY_HOST_ATTRIBUTE = { microphone: "micMutedByHost", camera: "cameraMutedByHost" } as const;

export function roleOf(attributes: Readonly<Record<string, string>>): ParticipantRole {
  const role = attributes[ROLE_ATTRIBUTE];
  return role === "host" || role === "guest" ? role : "viewer";
}

export function mutedByHost(attributes: Readonly<Record<string, string>>, source: keyof typeof MUTED_BY_HOST_ATTRIBUTE): boolean {
  return attributes[MUTED_BY_HOST_ATTRIBUTE[source]] === "1";
}

export function seatOf(attributes: Readonly<Record<string, string>>): number {
  return Number(attributes[SEAT_ATTRIBUTE]) || Number.MAX_SAFE_INTEGER;
}
