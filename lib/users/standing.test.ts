import { describe, expect, it } from "vitest";
import { banNotice, isBanned, isMutedSiteWide } from "./standing";

const now = new Date("2026-12-01T12:00:00Z");
const later = new Date("2026-12-03T12:00:00Z");
const earlier = new Date("2026-11-30T12:00:00Z");

describe("account standing", () => {
  it("a ban holds until it is lifted or its end passes", () => {
    expect(isBanned({ bannedAt: null, bannedUntil: null }, now)).toBe(false);
    expect(isBanned({ bannedAt: earlier, bannedUntil: null }, now)).toBe(true);
    expect(isBanned({ bannedAt: earlier, bannedUntil: later }, now)).toBe(true);
    expect(isBanned({ bannedAt: earlier, bannedUntil: earlier }, now)).toBe(false);
  });

  it("a site-wide mute likewise", () => {
    expect(isMutedSiteWide({ mutedAt: null, mutedUntil: null }, now)).toBe(false);
    expect(isMutedSiteWide({ mutedAt: earlier, mutedUntil: null }, now)).toBe(true);
    expect(isMutedSiteWide({ mutedAt: earlier, mutedUntil: later }, now)).toBe(true);
    expect(isMutedSiteWide({ mutedAt: earlier, mutedUntil: now }, now)).toBe(false);
  });

  it("tells a banned person the terms", () => {
    expect(banNotice({ bannedAt: earlier, bannedUntil: null, banReason: "Spam" })).toBe("This account is banned: Spam");
    expect(banNotice({ bannedAt: earlier, bannedUntil: null, banReason: null })).toBe("This account is banned.");
    expect(banNotice({ bannedAt: earlier, bannedUntil: later, banReason: "Spam" })).toMatch(/^This account is banned until 3 Dec 2026, \d\d:00: Spam$/);
  });
});
