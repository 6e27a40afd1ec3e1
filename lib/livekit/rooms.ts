import "server-only";
import { type ParticipantInfo, ParticipantInfo_Kind, ParticipantInfo_State, TrackSource, TrackType } from "@livekit/protocol";
import { DataPacket_Kind, RoomServiceClient, ServerError } from "livekit-server-sdk";
import { AppError } from "@/lib/errors";
import { livekitConfig } from "@/lib/livekit/config";

let client: RoomServiceClient | undefined;

/** A browser user who is part of the audience (not egress/agents, not a hidden monitor). */
export function isPerson(p: ParticipantInfo): boolean {
  return p.kind === ParticipantInfo_Kind.STANDARD && !p.permission?.hidden;
}

/** The one RoomServiceClient (for lib/livekit modules only). */
export function roomService(): RoomServiceClient {
  const { apiUrl, apiKey, apiSecret } = livekitConfig();
  client ??= new RoomServiceClient(apiUrl, apiKey, apiSecret);
  return client;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ServerError && (error.status === 404 || error.code === "not_found");
}

/** Turns "LiveKit is down" into an error a user can read, instead of a stack trace. */
export async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ServerError) throw error;
    console.error(`[livekit] ${what} failed`, error instanceof Error ? error.message : error);
    throw new AppError("LIVEKIT_UNAVAILABLE", "The live video service is not reachable right now. Please try again shortly.");
  }
}

export type RoomOptions = {
  /** Seconds an unused room stays open after creation before LiveKit closes it. */
  emptyTimeout: number;
  /** Seconds the room stays open after the last participant left. */
  departureTimeout: number;
};

export async function createRoom(name: string, options: RoomOptions): Promise<void> {
  await call("createRoom", () => roomService().createRoom({ name, ...options }));
}

/** Deletes a room; a room that is already gone is not an error. */
export async function deleteRoom(name: string): Promise<void> {
  try {
    await call("deleteRoom", () => roomService().deleteRoom(name));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

export type LiveRoom = { name: string; numParticipants: number; createdAt: Date };

/** Every room, or only those named (a name that LiveKit does not know is left out). */
export async function listRooms(names?: string[]): Promise<LiveRoom[]> {
  const rooms = await call("listRooms", () => roomService().listRooms(names));
  return rooms.map((r) => ({
    name: r.name,
    numParticipants: r.numParticipants,
    createdAt: new Date(Number(r.creationTime) * 1000),
  }));
}

/**
 * `person` is a browser user who counts: egress/agents/ingress join rooms too, and hidden
 * participants (an operator's monitor tile) are in the room without being part of the audience.
 */
export type RoomParticipant = { sid: string; identity: string; name: string; person: boolean; joinedAt: Date };

/** Who is in the room now; a room LiveKit does not know has nobody. */
async function participantsIn(room: string): Promise<ParticipantInfo[]> {
  try {
    const participants = await call("listParticipants", () => roomService().listParticipants(room));
    // A participant that has just left can still be listed for a moment, as DISCONNECTED: not in the room.
    return participants.filter((p) => p.state !== ParticipantInfo_State.DISCONNECTED);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

export async function listParticipants(room: string): Promise<RoomParticipant[]> {
  return (await participantsIn(room)).map((p) => ({
    sid: p.sid,
    identity: p.identity,
    name: p.name,
    person: isPerson(p),
    joinedAt: new Date(Number(p.joinedAt) * 1000),
  }));
}

/** Whether anyone in the room publishes an unmuted camera. */
export async function hasPublishedCamera(room: string): Promise<boolean> {
  return (await participantsIn(room)).some((p) => p.tracks.some((t) => t.type === TrackType.VIDEO && t.source === TrackSource.CAMERA && !t.muted));
}

/** The sid of a participant's published microphone track, or null (not in the room, or muted/unpublished). */
export async function microphoneTrackOf(room: string, identity: string): Promise<string | null> {
  try {
    const participant = await call("getParticipant", () => roomService().getParticipant(room, identity));
    return participant.tracks.find((t) => t.source === TrackSource.MICROPHONE)?.sid ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export type SendOptions = {
  /** only these identities get the message; everyone in the room when absent */
  destinationIdentities?: string[];
  /** lossy (unordered, may drop) instead of reliable: for high-rate, replaceable events */
  lossy?: boolean;
};

/**
 * Sends a JSON message on a topic to everyone in the room, or to the given identities.
 * A room that is gone is not an error: there is nobody left to tell.
 */
export async function sendRoomMessage(room: string, topic: string, payload: unknown, options: SendOptions = {}): Promise<void> {
  const data = new TextEncoder().encode(JSON.stringify(payload));
  const kind = options.lossy ? DataPacket_Kind.LOSSY : DataPacket_Kind.RELIABLE;
  try {
    await call("sendData", () =>
      roomService().sendData(room, data, kind, { topic, destinationIdentities: options.destinationIdentities }),
    );
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/**
 * Disconnects every connection of one user (identities `<userId>` and `<userId>~…`) from every
 * room, e.g. after a ban; returns how many were removed. `userIdOf` maps an identity to its user.
 */
export async function removeUserEverywhere(userId: string, userIdOf: (identity: string) => string): Promise<number> {
  let removed = 0;
  for (const room of await listRooms()) {
    for (const p of await listParticipants(room.name)) {
      if (userIdOf(p.identity) !== userId) continue;
      try {
        await call("removeParticipant", () => roomService().removeParticipant(room.name, p.identity));
        removed += 1;
      } catch (error) {
        if (!isNotFound(error)) throw error; // already gone
      }
    }
  }
  return removed;
}
