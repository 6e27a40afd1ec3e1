import "server-only";
import { env } from "@/lib/env";

/** LiveKit endpoints and credentials, from the validated env. */
export function livekitConfig() {
  const e = env();
  return { wsUrl: e.LIVEKIT_URL, apiUrl: e.LIVEKIT_API_URL, apiKey: e.LIVEKIT_API_KEY, apiSecret: e.LIVEKIT_API_SECRET };
}
