import { describe, expect, it } from "vitest";
import { hostStageSchema, stageCommandSchema } from "./schema";

describe("stage commands", () => {
  it("parse what the room pages send", () => {
    expect(stageCommandSchema.parse({ op: "invite", identity: "cmabc123~0a1b2c3d" })).toEqual({ op: "invite", identity: "cmabc123~0a1b2c3d" });
    expect(stageCommandSchema.parse({ op: "mute", identity: "cmabc123~0a1b", source: "microphone", muted: true }).op).toBe("mute");
    expect(stageCommandSchema.parse({ op: "leave", extra: "dropped" })).toEqual({ op: "leave" });
  });

  it("refuse unknown commands, identities that are not connections, and sources other than camera and microphone", () => {
    expect(stageCommandSchema.safeParse({ op: "teleport" }).error?.issues[0]?.message).toBe("Unknown stage command");
    for (const identity of ["", "a b", "x~NOTHEX", "x~", "<script>", "a".repeat(101)]) {
      expect(stageCommandSchema.safeParse({ op: "invite", identity }).success, identity).toBe(false);
    }
    expect(stageCommandSchema.safeParse({ op: "mute", identity: "abc", source: "screen_share", muted: true }).success).toBe(false);
    expect(stageCommandSchema.safeParse({ op: "mute", identity: "abc", source: "camera" }).success).toBe(false);
    expect(stageCommandSchema.safeParse({ op: "accept-invite", inviteId: "../etc" }).success).toBe(false);
  });

  it("describe the host's view of the stage", () => {
    const empty = { maxGuests: 3, guests: [], hands: [], invites: [] };
    expect(hostStageSchema.parse(empty)).toEqual(empty);
    expect(hostStageSchema.safeParse({ ...empty, invites: [{ id: "a", identity: "b", name: "c", status: "MAYBE", expiresAt: null }] }).success).toBe(false);
  });
});
