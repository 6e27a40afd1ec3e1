import { describe, expect, it } from "vitest";
import { MAX_GIFT_COUNT, sendGiftSchema } from "./schema";

const valid = { roomNumber: 10001, giftId: "rose", count: 10, idempotencyKey: "7d4b8f6e-2c1a-4b3e-9f8d-1a2b3c4d5e6f" };

describe("send gift input", () => {
  it("takes a gift, a count and a key", () => {
    expect(sendGiftSchema.parse(valid)).toEqual(valid);
    expect(sendGiftSchema.parse({ ...valid, count: MAX_GIFT_COUNT }).count).toBe(MAX_GIFT_COUNT);
  });

  it("refuses counts that are not 1 to the maximum, with one clear message", () => {
    for (const count of [0, -1, 1.5, MAX_GIFT_COUNT + 1, "10", null]) {
      const issues = sendGiftSchema.safeParse({ ...valid, count }).error?.issues;
      expect(issues?.map((i) => i.message)).toEqual([`Choose how many: a whole number from 1 to ${MAX_GIFT_COUNT}`]);
    }
  });

  it("refuses malformed gift ids, keys and rooms", () => {
    expect(sendGiftSchema.safeParse({ ...valid, giftId: "Rose; DROP" }).error?.issues[0]?.message).toBe("There is no such gift.");
    expect(sendGiftSchema.safeParse({ ...valid, idempotencyKey: "again" }).error?.issues[0]?.message).toBe("Every send needs its own key (a UUID).");
    expect(sendGiftSchema.safeParse({ ...valid, roomNumber: 5 }).success).toBe(false);
  });
});
