import { randomBytes } from "node:crypto";

// LiveKit allows one connection per identity: a second one with the same identity kicks the
// first. The host's publishing connection is the user id itself (a second studio tab taking
// over is right); every watching connection gets its own identity, so a host watching their
// own show, or a viewer with two tabs, kicks nobody.
const SEPARATOR = "~";

export function hostIdentity(userId: string): string {
  return userId;
}

export function viewerIdentity(userId: string): string {
  return `${userId}${SEPARATOR}${randomBytes(4).toString("hex")}`;
}

/** The user behind a participant identity. */
export function userIdOf(identity: string): string {
  return identity.split(SEPARATOR, 1)[0] ?? identity;
}
