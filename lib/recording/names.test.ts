import { describe, expect, it } from "vitest";
import { recordingFileName, titleSlug } from "@/lib/recording/names";

describe("recording names", () => {
  it("slugs titles", () => {
    expect(titleSlug("Morning Show #3!")).toBe("morning-show-3");
    expect(titleSlug("Café élan")).toBe("cafe-elan");
    expect(titleSlug("随心播")).toBe("show");
    expect(titleSlug("../../etc/passwd")).toBe("etc-passwd");
  });

  it("names a part <title>_<start>_<end>.mp4 in UTC", () => {
    const name = recordingFileName("Night Talk", new Date("2026-11-21T08:45:03.120Z"), new Date("2026-11-21T09:01:00Z"));
    expect(name).toBe("night-talk_20261121-084503_20261121-090100.mp4");
  });
});
