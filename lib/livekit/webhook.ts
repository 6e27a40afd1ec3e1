import "server-only";
import { WebhookReceiver } from "livekit-server-sdk";
import { AppError } from "@/lib/errors";
import { livekitConfig } from "@/lib/livekit/config";
import { type EgressJob, toEgressJob } from "@/lib/livekit/egress";
import { type MediaSource, sourceName } from "@/lib/livekit/participants";
import { isPerson } from "@/lib/livekit/rooms";

/** What the app needs from a LiveKit webhook, free of SDK types. */
export type LiveKitEvent = {
  id: string;
  event: string;
  createdAt: Date;
  roomName?: string;
  /** `person` is a browser user in the audience (see `isPerson` in lib/livekit/rooms). */
  participant?: { sid: string; identity: string; name: string; person: boolean };
  /** track_published / track_unpublished */
  track?: { sid: string; source: MediaSource };
  /** egress_started / egress_updated / egress_ended, with the SDK status mapped to the app's */
  egress?: EgressJob;
};

let receiver: WebhookReceiver | undefined;

/** Verifies the signature (JWT with the body's hash) and returns the event; 401 otherwise. */
export async function receiveWebhook(body: string, authorization: string | null): Promise<LiveKitEvent> {
  const { apiKey, apiSecret } = livekitConfig();
  receiver ??= new WebhookReceiver(apiKey, apiSecret);
  if (!authorization) throw new AppError("UNAUTHENTICATED", "Missing webhook signature");
  let event;
  try {
    event = await receiver.receive(body, authorization);
  } catch {
    throw new AppError("UNAUTHENTICATED", "Invalid webhook signature");
  }
  const egress = event.egressInfo;
  return {
    id: event.id,
    event: event.event,
    createdAt: new Date(Number(event.createdAt) * 1000),
    roomName: event.room?.name ?? egress?.roomName ?? undefined,
    participant: event.participant
      ? {
          sid: event.participant.sid,
          identity: event.participant.identity,
          name: event.participant.name,
          person: isPerson(event.participant),
        }
      : undefined,
    track: event.track ? { sid: event.track.sid, source: sourceName(event.track.source) } : undefined,
    egress: egress ? toEgressJob(egress) : undefined,
  };
}
