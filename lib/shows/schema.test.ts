import { describe, expect, it } from "vitest";
import { COVER_MAX_BYTES, goLiveSchema, listPagePathSchema, roomNumberSchema } from "./schema";

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

  it("accepts list pages in a path only as plain numbers (each path is a cache entry)", () => {
    expect(listPagePathSchema.parse("3")).toBe(3);
    expect(listPagePathSchema.parse("10000")).toBe(10000);
    for (const bad of ["0", "03", "x", "1e3", "3.0", " 3", "", "10001"]) expect(listPagePathSchema.safeParse(bad).success).toBe(false);
  });
});
