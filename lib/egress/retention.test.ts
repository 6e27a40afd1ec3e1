import { describe, expect, it } from "vitest";
import { isExpired } from "@/lib/egress/retention";

const now = new Date("2026-12-01T12:00:00Z");
const cutoff = new Date(now.getTime() - 24 * 3600_000);
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe("HLS retention", () => {
  it("deletes runs that ended before the cutoff", () => {
    expect(isExpired({ egress: { status: "COMPLETE", endedAt: hoursAgo(25), updatedAt: hoursAgo(25) }, folderModifiedAt: hoursAgo(25) }, cutoff)).toBe(true);
    expect(isExpired({ egress: { status: "FAILED", endedAt: null, updatedAt: hoursAgo(30) }, folderModifiedAt: hoursAgo(30) }, cutoff)).toBe(true);
  });

  it("keeps runs that ended recently", () => {
    expect(isExpired({ egress: { status: "ABORTED", endedAt: hoursAgo(2), updatedAt: hoursAgo(2) }, folderModifiedAt: hoursAgo(3) }, cutoff)).toBe(false);
  });

  it("never deletes a run that is still going, however old", () => {
    for (const status of ["STARTING", "ACTIVE", "ENDING"] as const) {
      expect(isExpired({ egress: { status, endedAt: null, updatedAt: hoursAgo(48) }, folderModifiedAt: hoursAgo(48) }, cutoff)).toBe(false);
    }
  });

  it("deletes folders of starts that never reached Egress once they are old enough", () => {
    expect(isExpired({ egress: null, folderModifiedAt: hoursAgo(25) }, cutoff)).toBe(true);
    expect(isExpired({ egress: null, folderModifiedAt: hoursAgo(1) }, cutoff)).toBe(false);
  });
});
