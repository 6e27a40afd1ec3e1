import { describe, expect, it } from "vitest";
import { stopBroadcastSchema } from "@/lib/egress/schema";

describe("stopBroadcastSchema", () => {
  it("takes LiveKit egress ids only", () => {
    expect(stopBroadcastSchema.safeParse({ roomNumber: 10001, egressId: "EG_abc123" }).success).toBe(true);
    for (const egressId of ["pending_abc", "EG_", "../x", "EG_a b"]) {
      expect(stopBroadcastSchema.safeParse({ roomNumber: 10001, egressId }).success, egressId).toBe(false);
    }
  });
});
