import { describe, expect, it } from "vitest";
import { mutedByHost, roleOf, seatOf } from "./attributes";

describe("stage attributes", () => {
  it("read the role the server set, viewer by default", () => {
    expect(roleOf({ role: "host" })).toBe("host");
    expect(roleOf({ role: "guest" })).toBe("guest");
    expect(roleOf({ role: "viewer" })).toBe("viewer");
    expect(roleOf({})).toBe("viewer");
    expect(roleOf({ role: "operator" })).toBe("viewer");
  });

  it("read host mutes and seats", () => {
    expect(mutedByHost({ micMutedByHost: "1" }, "microphone")).toBe(true);
    expect(mutedByHost({ micMutedByHost: "1" }, "camera")).toBe(false);
    expect(mutedByHost({}, "microphone")).toBe(false);
    expect(seatOf({ stageSeat: "2" })).toBe(2);
    expect(seatOf({})).toBeGreaterThan(3);
  });
});
