import { beforeAll, describe, expect, it } from "vitest";
import { signPlayback } from "@/lib/push/playback-token";
import { signOverlay, verifyOverlay } from "./overlay-token";
import { setUnitTestEnv } from "@/lib/testing/unit-env";

beforeAll(setUnitTestEnv);

const now = new Date("2026-12-01T12:00:00Z");
const show = "cmabcdefghijklmnopqrstuvw";

describe("overlay tokens", () => {
  it("name their show until they expire", () => {
    const token = signOverlay(show, now, 60);
    expect(verifyOverlay(token, now)).toBe(show);
    expect(verifyOverlay(token, new Date(now.getTime() + 59_000))).toBe(show);
    expect(verifyOverlay(token, new Date(now.getTime() + 60_000))).toBeNull();
  });

  it("refuse tampering, junk and playback-link signatures", () => {
    const token = signOverlay(show, now, 60);
    const [id, expires, mac] = token.split(".");
    expect(verifyOverlay(`${id}.${Number(expires) + 600}.${mac}`, now)).toBeNull();
    expect(verifyOverlay(`cmzzzzzzzzzzzzzzzzzzzzzzz.${expires}.${mac}`, now)).toBeNull();
    expect(verifyOverlay(`${id}.${expires}.${(mac ?? "").replace(/^./, (c) => (c === "A" ? "B" : "A"))}`, now)).toBeNull();
    for (const junk of [undefined, "", "junk", `${token}x`]) expect(verifyOverlay(junk, now)).toBeNull();
    const playback = signPlayback(show, "A".repeat(16), 60, now).token;
    expect(verifyOverlay(`${show}.${playback.split(".").slice(1).join(".")}`, now)).toBeNull();
  });
});
