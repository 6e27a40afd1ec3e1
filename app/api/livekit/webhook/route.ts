import { errorResponse } from "@/lib/errors";
import { receiveWebhook } from "@/lib/livekit/webhook";
import { applyLiveKitEvent } from "@/lib/webhooks/apply-livekit-event";

// LiveKit posts signed events here; the signature covers the raw body, so read it as text.
export async function POST(request: Request) {
  try {
    const event = await receiveWebhook(await request.text(), request.headers.get("authorization"));
    return Response.json({ result: await applyLiveKitEvent(event) });
  } catch (error) {
    return errorResponse(error);
  }
}
