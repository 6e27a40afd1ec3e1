import { describe, expect, it } from "vitest";
import { stageNoticeText } from "./notices";

describe("stage notices", () => {
  const who = { identity: "u~1", name: "Gia" };

  it("say who joined or left the stage, and why they left", () => {
    expect(stageNoticeText({ type: "stage-joined", ...who })).toBe("Gia joined the stage");
    expect(stageNoticeText({ type: "stage-left", ...who, reason: "left" })).toBe("Gia left the stage");
    expect(stageNoticeText({ type: "stage-left", ...who, reason: "removed" })).toBe("Gia was taken off the stage by the host");
    expect(stageNoticeText({ type: "stage-left", ...who, reason: "no-publish", publishSeconds: 20 })).toBe(
      "Gia was taken off the stage: camera and microphone did not start within 20 s",
    );
    expect(stageNoticeText({ type: "stage-left", ...who, reason: "disconnected" })).toBe("Gia left the stage (connection lost)");
    expect(stageNoticeText({ type: "stage-muted", ...who, source: "microphone", muted: true })).toBe("The host muted Gia’s microphone");
  });

  it("say nothing about private or other events", () => {
    expect(stageNoticeText({ type: "stage-invite", inviteId: "i", hostName: "H", expiresInMs: 1000 })).toBeNull();
    expect(stageNoticeText({ type: "stage-changed" })).toBeNull();
    expect(stageNoticeText({ type: "host-away" })).toBeNull();
  });
});
