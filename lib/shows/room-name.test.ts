import { describe, expect, it } from "vitest";
import { roomNameFor, roomNumberFromName } from "./room-name";

describe("room names", () => {
  it("round-trips room numbers", () => {
    expect(roomNameFor(10001)).toBe("show-10001");
    expect(roomNumberFromName(roomNameFor(10001))).toBe(10001);
  });

  it("rejects names that are not shows", () => {
    for (const name of ["10001", "show-", "show-abc", "show-0123", "show-1e5", "other-10001", "show-10001x"]) {
      expect(roomNumberFromName(name)).toBeNull();
    }
  });
});
