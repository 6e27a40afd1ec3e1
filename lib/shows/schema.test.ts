import { describe, expect, it } from "vitest";
import { COVER_MAX_BYTES, goLiveSchema, pageSchema, roomNumberSchema } from "./schema";

describe("go live input", () => {
  it("trims the title and treats an empty file input as no cover", () => {
    const parsed = goLiveSchema.parse({ title: "  Night talk  ", cover: new File([], "") });
    expect(parsed).toEqual({ title: "Night talk", cover: undefined });
  });

  it("refuses empty and too long titles", () => {
    expect(goLiveSchema.safeParse({ title: "   " }).error?.issues[0]?.message).toBe("Give your show a title");
    expect(goLiveSchema.safeParse({ title: "x".repeat(61) }).error?.issues[0]?.message).toBe("Title must be at most 60 characters");
  });

  it("refuses covers over 5 MB before reading them", () => {
    const big = new File([new Uint8Array(COVER_MAX_BYTES + 1)], "big.png", { type: "image/png" });
    expect(goLiveSchema.safeParse({ title: "ok", cover: big }).error?.issues[0]?.message).toBe("Cover image must be at most 5 MB");
    expect(goLiveSchema.safeParse({ title: "ok", cover: "not a file" }).success).toBe(false);
  });
});

describe("room numbers and pages", () => {
  it("accepts real room numbers only", () => {
    expect(roomNumberSchema.parse("10001")).toBe(10001);
    for (const bad of ["10000", "abc", "10001.5", "-1", ""]) expect(roomNumberSchema.safeParse(bad).success).toBe(false);
  });

  it("falls back to page 1 for nonsense", () => {
    expect(pageSchema.parse("3")).toBe(3);
    expect(pageSchema.parse("0")).toBe(1);
    expect(pageSchema.parse("x")).toBe(1);
    expect(pageSchema.parse(undefined)).toBe(1);
  });
});
