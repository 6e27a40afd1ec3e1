import "server-only";
import { can, type ShowRole } from "@/lib/auth/permissions";
import { type Access, setParticipantAccess } from "@/lib/livekit/participants";
import { MUTED_BY_HOST_ATTRIBUTE, ROLE_ATTRIBUTE, SEAT_ATTRIBUTE } from "@/lib/stage/attributes";
import { stageRoom } from "@/lib/stage/show";

// Going on or off stage is a permission change of the participant's existing connection
// (LiveKit's updateParticipant), never a new token.

function accessFor(role: ShowRole): Access {
  return { publish: can(role, "stage.publish") ? ["camera", "microphone"] : [] };
}

const CLEARED_MUTES = { [MUTED_BY_HOST_ATTRIBUTE.microphone]: "", [MUTED_BY_HOST_ATTRIBUTE.camera]: "" };

/** Camera and microphone (nothing else) for a new guest's connection; false when it is gone. */
export function grantGuest(show: { roomNumber: number }, identity: string, seat: number): Promise<boolean> {
  return setParticipantAccess(stageRoom(show), identity, accessFor("guest"), {
    [ROLE_ATTRIBUTE]: "guest",
    [SEAT_ATTRIBUTE]: String(seat),
    ...CLEARED_MUTES,
  });
}

/** Back to watching: publishing revoked (the SFU unpublishes their tracks); false when gone. */
export function revokeGuest(show: { roomNumber: number }, identity: string): Promise<boolean> {
  return setParticipantAccess(stageRoom(show), identity, accessFor("viewer"), {
    [ROLE_ATTRIBUTE]: "viewer",
    [SEAT_ATTRIBUTE]: "",
    ...CLEARED_MUTES,
  });
}
