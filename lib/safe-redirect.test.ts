import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-redirect";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths, with their query and fragment", () => {
    expect(safeCallbackUrl("/studio")).toBe("/studio");
    expect(safeCallbackUrl(["/shows/10001", "/x"])).toBe("/shows/10001");
    expect(safeCallbackUrl("/shows/10001/hls?x=1#top")).toBe("/shows/10001/hls?x=1#top");
    expect(safeCallbackUrl("/a/../studio")).toBe("/studio");
  });

  it("refuses other sites and known bypasses, and falls back", () => {
    const bypasses = [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/\t/evil.example", // a browser drops the tab: //evil.example
      "/\n/evil.example",
      "/\r/evil.example",
      "/%09/evil.example",
      "/%5C/evil.example",
      "/%5c%5cevil.example",
      "/ /evil.example".replace(" ", "\u0000"),
      "/\u007f/evil.example",
      "///evil.example",
      "/\\/evil.example",
      "javascript:alert(1)",
      "/%E0%A4%A", // malformed escape
      "evil.example",
      " /studio",
      "",
      undefined,
      null,
      [],
    ];
    for (const bad of bypasses) expect(safeCallbackUrl(bad), JSON.stringify(bad)).toBe("/");
  });

  it("never returns something a browser would read as another origin", () => {
    for (const value of ["/.//evil.example", "/..//evil.example", "/%2F/evil.example", "/%2f%2fevil.example"]) {
      const target = safeCallbackUrl(value);
      expect(new URL(target, "http://app.example").origin, value).toBe("http://app.example");
    }
  });

  it("uses the given fallback", () => {
    expect(safeCallbackUrl("//evil.example", "/studio")).toBe("/studio");
  });
});
