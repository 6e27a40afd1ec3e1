import { describe, expect, it } from "vitest";
import { maskWords } from "./word-filter";

describe("word filter", () => {
  const list = ["darn", "heck", "a.b"];

  it("masks listed words whatever their case, keeping their length", () => {
    expect(maskWords("Darn it, HECK!", list)).toBe("**** it, ****!");
  });

  it("masks whole words only", () => {
    expect(maskWords("darned heckle", list)).toBe("darned heckle");
    expect(maskWords("darn_it", list)).toBe("darn_it");
  });

  it("treats listed words as text, not patterns", () => {
    expect(maskWords("a.b axb", list)).toBe("*** axb");
  });

  it("leaves text alone when the list is empty", () => {
    expect(maskWords("darn", [])).toBe("darn");
  });

  it("masks the seeded default list", () => {
    expect(maskWords("what the fuck", ["fuck", "shit", "cunt"])).toBe("what the ****");
  });
});
