import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { leaveStage, muteGuest, removeGuest } from "@/lib/stage/controls";
import { answerHand, lowerHand, raiseHand } from "@/lib/stage/hands";
import { answerInvite, inviteToStage } from "@/lib/stage/invites";
import type { StageCommand } from "@/lib/stage/schema";

/** Runs one stage command for the logged-in user; each rule checks who may do it. */
export async function runStageCommand(user: SessionUser, roomNumber: number, command: StageCommand) {
  switch (command.op) {
    case "invite":
      return inviteToStage(user, roomNumber, command.identity);
    case "accept-invite":
    case "decline-invite":
      return answerInvite(user, roomNumber, command.inviteId, command.op === "accept-invite");
    case "raise-hand":
      return raiseHand(user, roomNumber, command.identity);
    case "lower-hand":
      return lowerHand(user, roomNumber);
    case "accept-hand":
    case "dismiss-hand":
      return answerHand(user, roomNumber, command.handId, command.op === "accept-hand");
    case "mute":
      return muteGuest(user, roomNumber, command.identity, command.source, command.muted);
    case "remove":
      return removeGuest(user, roomNumber, command.identity);
    case "leave":
      return leaveStage(user, roomNumber);
  }
}
