import { describe, expect, it } from "vitest";
import { REPORT_REASONS, reportSchema, slowModeSchema } from "./schema";

describe("reports", () => {
  const show = { target: "show", roomNumber: 10001 } as const;

  it("take the five reasons of the original and an optional note", () => {
    expect(REPORT_REASONS.map((r) => r.value)).toEqual(["SPAM", "FALSE_INFORMATION", "HARMFUL", "ILLEGAL", "OBSCENE"]);
    expect(reportSchema.parse({ ...show, reason: "SPAM", note: "  buy coins at …  " })).toEqual({ ...show, reason: "SPAM", note: "buy coins at …" });
    expect(reportSchema.parse({ ...show, reason: "OBSCENE", note: "   " }).note).toBeUndefined();
  });

  it("refuse an unknown reason, a missing target and a long note", () => {
    expect(reportSchema.safeParse({ ...show, reason: "BORING" }).error?.issues[0]?.message).toBe("Choose one of the five reasons");
    expect(reportSchema.safeParse({ roomNumber: 10001, reason: "SPAM" }).success).toBe(false);
    expect(reportSchema.safeParse({ ...show, target: "message", reason: "SPAM" }).success).toBe(false);
    expect(reportSchema.safeParse({ ...show, reason: "SPAM", note: "x".repeat(501) }).error?.issues[0]?.message).toBe(
      "The note can be at most 500 characters",
    );
  });
});

describe("slow mode", () => {
  it("is whole seconds from 0 (off) to an hour", () => {
    expect(slowModeSchema.safeParse({ roomNumber: 10001, seconds: 10 }).success).toBe(true);
    for (const bad of [-1, 1.5, 3601, "10"]) expect(slowModeSchema.safeParse({ roomNumber: 10001, seconds: bad }).success).toBe(false);
  });
});
