import type { RoomEvent } from "@/lib/events/schema";

/** What the room's notice list says about a stage event (null: nothing to say). */
export function stageNoticeText(event: RoomEvent): string | null {
  switch (event.type) {
    case "stage-joined":
      return `${event.name} joined the stage`;
    case "stage-left":
      switch (event.reason) {
        case "left":
          return `${event.name} left the stage`;
        case "removed":
          return `${event.name} was taken off the stage by the host`;
        case "no-publish":
          return `${event.name} was taken off the stage: camera and microphone did not start within ${event.publishSeconds ?? 20} s`;
        case "disconnected":
          return `${event.name} left the stage (connection lost)`;
      }
      return null;
    case "stage-muted":
      return `The host ${event.muted ? "muted" : "unmuted"} ${event.name}’s ${event.source}`;
    default:
      return null;
  }
}
