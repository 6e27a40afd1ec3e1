import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { fillReservation, recordEgress, reserveEgress } from "@/lib/egress/record-egress";
import type { EgressJob } from "@/lib/livekit/egress";
import { makeLiveShow, uid } from "@/lib/testing/fixtures";

const job = (egressId: string, status: EgressJob["status"], roomName: string): EgressJob => ({
  egressId,
  roomName,
  kind: "MP4",
  status,
  files: [],
  streams: [],
  segments: [],
});

describe("one running output per kind per show", () => {
  it("lets one of two concurrent starts take the slot", async () => {
    const { show } = await makeLiveShow();
    const [a, b] = await Promise.all([reserveEgress(show.id, "MP4"), reserveEgress(show.id, "MP4")]);
    expect([a, b].filter((id) => id !== null)).toHaveLength(1);
    expect(await reserveEgress(show.id, "HLS")).not.toBeNull(); // another kind has its own slot
  });

  it("hands the placeholder to the job whose webhook came before the start answered", async () => {
    const { show } = await makeLiveShow();
    const placeholder = await reserveEgress(show.id, "MP4");
    expect(placeholder).not.toBeNull();
    const egressId = uid("EG");
    // egress_started arrives first...
    await db.$transaction((tx) => recordEgress(tx, show.id, "MP4", job(egressId, "ACTIVE", "r")));
    // ...then the start call answers (with an older status).
    await fillReservation(placeholder ?? "", show.id, "MP4", job(egressId, "STARTING", "r"), { files: [] });
    const rows = await db.egress.findMany({ where: { showId: show.id }, select: { id: true, status: true } });
    expect(rows).toEqual([{ id: egressId, status: "ACTIVE" }]);
  });

  it("gives a job that finds the slot taken no row, without failing the transaction", async () => {
    const { show } = await makeLiveShow();
    const first = uid("EG");
    await db.$transaction((tx) => recordEgress(tx, show.id, "MP4", job(first, "ACTIVE", "r")));
    await db.$transaction(async (tx) => {
      await recordEgress(tx, show.id, "MP4", job(uid("EG"), "ACTIVE", "r"));
      await tx.webhookDelivery.create({ data: { id: uid("EV"), event: "egress_started" } }); // still usable
    });
    expect(await db.egress.count({ where: { showId: show.id } })).toBe(1);
  });
});
