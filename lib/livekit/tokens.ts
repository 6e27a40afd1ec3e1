import "server-only";
import { AccessToken, TokenVerifier } from "livekit-server-sdk";
import { livekitConfig } from "@/lib/livekit/config";

// Tokens only need to live until the client has connected: LiveKit refreshes them for
// connected participants. Short TTL limits what a leaked token is worth.
const TOKEN_TTL_SECONDS = 5 * 60;

export type RoomTokenRequest = {
  room: string;
  identity: string;
  name: string;
  /** Publishing camera/mic; viewers get subscribe-only tokens. */
  canPublish: boolean;
  /** Kept out of everyone's member list (an operator's monitor tile); the app does not count it either. */
  hidden?: boolean;
  attributes?: Record<string, string>;
};

export async function mintRoomToken(request: RoomTokenRequest): Promise<string> {
  const { apiKey, apiSecret } = livekitConfig();
  const token = new AccessToken(apiKey, apiSecret, {
    identity: request.identity,
    name: request.name,
    ttl: TOKEN_TTL_SECONDS,
    attributes: request.attributes,
  });
  token.addGrant({
    room: request.room,
    roomJoin: true,
    canSubscribe: true,
    canPublish: request.canPublish,
    hidden: request.hidden ?? false,
    // Business events are sent by the server only, after the rule that allows them passed.
    canPublishData: false,
    canUpdateOwnMetadata: false,
  });
  return token.toJwt();
}

/** The room a token of ours was issued for, or null when it is not ours, expired or roomless. */
export async function roomOfToken(token: string): Promise<string | null> {
  const { apiKey, apiSecret } = livekitConfig();
  try {
    return (await new TokenVerifier(apiKey, apiSecret).verify(token)).video?.room ?? null;
  } catch {
    return null;
  }
}
