import "server-only";
import { livekitConfig } from "@/lib/livekit/config";
import { mintRoomToken } from "@/lib/livekit/tokens";
import { hostIdentity, viewerIdentity } from "@/lib/shows/identity";
import { roomNameFor } from "@/lib/shows/room-name";
import type { ConnectionDetails } from "@/lib/shows/schema";

export type { ConnectionDetails };

/**
 * What a browser needs to join a show's room: the host publishes; a viewer subscribes; an
 * operator's monitor tile subscribes hidden (in nobody's member list, not counted as a viewer).
 */
export async function connectionDetails(
  user: { id: string; name: string },
  roomNumber: number,
  role: "host" | "viewer" | "monitor",
): Promise<ConnectionDetails> {
  const token = await mintRoomToken({
    room: roomNameFor(roomNumber),
    identity: role === "host" ? hostIdentity(user.id) : viewerIdentity(user.id),
    name: user.name,
    canPublish: role === "host",
    hidden: role === "monitor",
    attributes: { role },
  });
  return { serverUrl: livekitConfig().wsUrl, token, roomNumber };
}
