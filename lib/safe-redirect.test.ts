import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-redirect";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/studio")).toBe("/studio");
    expect(safeCallbackUrl(["/shows/10001", "/x"])).toBe("/shows/10001");
  });

  it("refuses other sites and falls back", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "", undefined, null]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });
});
