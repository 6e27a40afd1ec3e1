import "server-only";
import { type ParticipantInfo, TrackSource } from "livekit-server-sdk";
import { call, isNotFound, isPerson, roomService } from "@/lib/livekit/rooms";

// One participant's access, attributes and tracks, as the app sees them (no SDK types outside).

export type MediaSource = "camera" | "microphone" | "screen_share" | "screen_share_audio" | "unknown";

const SOURCE_NAMES: Record<TrackSource, MediaSource> = {
  [TrackSource.UNKNOWN]: "unknown",
  [TrackSource.CAMERA]: "camera",
  [TrackSource.MICROPHONE]: "microphone",
  [TrackSource.SCREEN_SHARE]: "screen_share",
  [TrackSource.SCREEN_SHARE_AUDIO]: "screen_share_audio",
};

const SOURCES: Record<"camera" | "microphone", TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
};

export function sourceName(source: TrackSource): MediaSource {
  return SOURCE_NAMES[source] ?? "unknown";
}

export type ParticipantTrack = { sid: string; source: MediaSource; muted: boolean };

export type ParticipantState = {
  identity: string;
  name: string;
  /** a browser user (egress and agents join rooms too) */
  person: boolean;
  attributes: Record<string, string>;
  canPublish: boolean;
  tracks: ParticipantTrack[];
};

function toState(p: ParticipantInfo): ParticipantState {
  return {
    identity: p.identity,
    name: p.name,
    person: isPerson(p),
    attributes: { ...p.attributes },
    canPublish: p.permission?.canPublish ?? false,
    tracks: p.tracks.map((t) => ({ sid: t.sid, source: sourceName(t.source), muted: t.muted })),
  };
}

/** One participant of a room, or null when they are not (or no longer) connected. */
export async function getParticipant(room: string, identity: string): Promise<ParticipantState | null> {
  try {
    return toState(await call("getParticipant", () => roomService().getParticipant(room, identity)));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Everyone in a room with their access and tracks; an empty list when the room is gone. */
export async function listParticipantStates(room: string): Promise<ParticipantState[]> {
  try {
    return (await call("listParticipants", () => roomService().listParticipants(room))).map(toState);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

export type Access = {
  /** what the participant may publish: nothing (a viewer), or camera and/or microphone (a guest) */
  publish: readonly ("camera" | "microphone")[];
};

/**
 * Changes a connected participant's access without a new token, and sets attributes (an empty
 * string removes one). LiveKit replaces the whole permission set, so every field is sent: always
 * subscribe, never data (the server sends business events), never their own metadata. Revoking a
 * source makes the SFU unpublish the participant's tracks of it. Returns false when the
 * participant is not connected (any more).
 */
export async function setParticipantAccess(
  room: string,
  identity: string,
  access: Access,
  attributes: Record<string, string>,
): Promise<boolean> {
  const permission = {
    canSubscribe: true,
    canPublish: access.publish.length > 0,
    canPublishData: false,
    canPublishSources: access.publish.map((s) => SOURCES[s]),
    canUpdateMetadata: false,
    canSubscribeMetrics: false,
    canManageAgentSession: false,
    hidden: false,
    recorder: false,
    agent: false,
  };
  try {
    await call("updateParticipant", () => roomService().updateParticipant(room, identity, { permission, attributes }));
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/**
 * Mutes or unmutes a participant's published track from the server (unmuting needs
 * `room.enable_remote_unmute` in livekit.yaml). Returns false when the participant or track is gone.
 */
export async function setTrackMuted(room: string, identity: string, trackSid: string, muted: boolean): Promise<boolean> {
  try {
    await call("mutePublishedTrack", () => roomService().mutePublishedTrack(room, identity, trackSid, muted));
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Sets (or, with "", removes) attributes of a connected participant; false when they are gone. */
export async function setParticipantAttributes(room: string, identity: string, attributes: Record<string, string>): Promise<boolean> {
  try {
    await call("updateParticipant", () => roomService().updateParticipant(room, identity, { attributes }));
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
