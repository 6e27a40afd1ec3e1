import { ServerError } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { EGRESS_UNAVAILABLE_MESSAGE, toEgressError } from "@/lib/livekit/egress-errors";

describe("toEgressError", () => {
  it("turns the SDK's timeout (Egress not running) into EGRESS_UNAVAILABLE", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const error = toEgressError(timeout);
    expect(error.code).toBe("EGRESS_UNAVAILABLE");
    expect(error.status).toBe(503);
    expect(error.message).toBe(EGRESS_UNAVAILABLE_MESSAGE);
    expect(error.message).toMatch(/recording service is not running/);
  });

  it("turns LiveKit's 503 'no response from servers' into EGRESS_UNAVAILABLE", () => {
    const error = toEgressError(new ServerError("twirp error", "twirp error unknown: no response from servers", 503, "unavailable"));
    expect(error.code).toBe("EGRESS_UNAVAILABLE");
  });

  it("says so when LiveKit has no Redis", () => {
    const error = toEgressError(new ServerError("twirp error", "egress not connected (redis required)", 500, "internal"));
    expect(error.code).toBe("EGRESS_UNAVAILABLE");
  });

  it("keeps LiveKit being down apart from Egress being down", () => {
    expect(toEgressError(new TypeError("fetch failed")).code).toBe("LIVEKIT_UNAVAILABLE");
  });

  it("maps a refused request to a validation error and passes AppErrors through", () => {
    expect(toEgressError(new ServerError("twirp error", "bad url", 400, "invalid_argument")).code).toBe("VALIDATION");
    const own = new AppError("FORBIDDEN", "no");
    expect(toEgressError(own)).toBe(own);
  });
});
