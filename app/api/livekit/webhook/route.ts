import { AppError, errorResponse } from "@/lib/errors";
import { readTextCapped } from "@/lib/http/capped-body";
import { receiveWebhook } from "@/lib/livekit/webhook";
import { applyLiveKitEvent } from "@/lib/webhooks/apply-livekit-event";

/** LiveKit's events are a few KiB; anything near this is not one of them. */
const MAX_BODY_BYTES = 1024 * 1024;

// LiveKit posts signed events here; the signature covers the raw body, so read it as text.
// Unsigned or oversized requests are refused before their body is read.
export async function POST(request: Request) {
  try {
    const authorization = request.headers.get("authorization");
    if (!authorization) throw new AppError("UNAUTHENTICATED", "Missing webhook signature");
    const event = await receiveWebhook(await readTextCapped(request, MAX_BODY_BYTES), authorization);
    return Response.json({ result: await applyLiveKitEvent(event) });
  } catch (error) {
    return errorResponse(error);
  }
}
