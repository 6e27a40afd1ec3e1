import { ServerError } from "livekit-server-sdk";
import { AppError } from "@/lib/errors";

/** Seconds we wait for LiveKit to hand a request to Egress before telling the user it is not running. */
export const EGRESS_REQUEST_TIMEOUT_SECONDS = 8;

export const EGRESS_UNAVAILABLE_MESSAGE =
  "The recording service is not running or not answering (LiveKit Egress did not take the request). " +
  "Start it with `npm start`, and check that LiveKit has Redis configured.";

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/**
 * What a failed Egress API call means for the user. Without a running Egress (or when LiveKit
 * has no Redis, or Egress refuses for lack of CPU) LiveKit answers 503 "no response from servers"
 * only after ~20 s, so our own shorter timeout usually fires first: both mean the same thing.
 */
export function toEgressError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isTimeout(error)) return new AppError("EGRESS_UNAVAILABLE", EGRESS_UNAVAILABLE_MESSAGE);
  if (error instanceof ServerError) {
    if (error.status === 503 || error.code === "unavailable" || /redis required|no response from servers/i.test(error.message)) {
      return new AppError("EGRESS_UNAVAILABLE", EGRESS_UNAVAILABLE_MESSAGE);
    }
    if (error.status === 404 || error.code === "not_found") return new AppError("NOT_FOUND", "That output is not running.");
    if (error.status === 400 || error.code === "invalid_argument") {
      return new AppError("VALIDATION", `The recording service refused the request: ${error.message}`);
    }
    if (error.status === 412 || error.code === "failed_precondition") {
      // e.g. stopping an egress that already ended
      return new AppError("NOT_FOUND", "That output has already stopped.");
    }
  }
  // LiveKit itself unreachable (connection refused): fetch throws a TypeError.
  if (error instanceof TypeError) {
    return new AppError("LIVEKIT_UNAVAILABLE", "The live video service is not reachable right now. Please try again shortly.");
  }
  console.error("[egress] unexpected error", error);
  return new AppError("INTERNAL", "The recording service failed. Please try again.");
}
