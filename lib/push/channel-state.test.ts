import { describe, expect, it } from "vitest";
import { channelState } from "./channel-state";

const t = (s: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, s));

describe("channelState", () => {
  it("is pushing while a job runs, whatever its age", () => {
    const channel = { createdAt: t(0), closedAt: null, egresses: [{ status: "ACTIVE" as const, startedAt: t(1), endedAt: null }] };
    expect(channelState(channel, 10, t(59)).state).toBe("PUSHING");
  });
  it("is held for the hold after the last job ended, then closed", () => {
    const channel = {
      createdAt: t(0),
      closedAt: null,
      egresses: [
        { status: "COMPLETE" as const, startedAt: t(1), endedAt: t(5) },
        { status: "FAILED" as const, startedAt: t(6), endedAt: t(20) },
      ],
    };
    expect(channelState(channel, 10, t(29))).toEqual({ state: "HELD", heldUntil: t(30) });
    expect(channelState(channel, 10, t(30))).toEqual({ state: "CLOSED", heldUntil: t(30) });
  });
  it("counts the hold of a channel that never pushed from its opening", () => {
    expect(channelState({ createdAt: t(0), closedAt: null, egresses: [] }, 10, t(9)).state).toBe("HELD");
  });
  it("stays closed once closed", () => {
    expect(channelState({ createdAt: t(0), closedAt: t(1), egresses: [{ status: "ACTIVE", startedAt: t(0), endedAt: null }] }, 10, t(2)).state).toBe("CLOSED");
  });
});
