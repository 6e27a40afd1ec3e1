import { describe, expect, it } from "vitest";
import { hostIdentity, userIdOf, viewerIdentity } from "./identity";

describe("participant identities", () => {
  it("gives every watching connection its own identity, all mapping back to the user", () => {
    const a = viewerIdentity("cmuser1");
    const b = viewerIdentity("cmuser1");
    expect(a).not.toBe(b);
    expect(a).not.toBe(hostIdentity("cmuser1"));
    expect(userIdOf(a)).toBe("cmuser1");
    expect(userIdOf(b)).toBe("cmuser1");
    expect(userIdOf(hostIdentity("cmuser1"))).toBe("cmuser1");
  });
});
