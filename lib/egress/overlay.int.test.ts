import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { OVERLAY_CHAT_LINES, overlayFor } from "@/lib/egress/overlay";
import { signOverlay } from "@/lib/egress/overlay-token";
import { makeLiveShow } from "@/lib/testing/fixtures";

describe("the composite's overlay", () => {
  it("starts with the newest chat of the token's live show, and nothing for a forged, expired or ended one", async () => {
    const { host, show } = await makeLiveShow();
    const lines = OVERLAY_CHAT_LINES + 2;
    for (let seq = 1; seq <= lines; seq++) await db.chatMessage.create({ data: { showId: show.id, userId: host.id, seq, text: `line ${seq}` } });
    await db.chatMessage.updateMany({ where: { showId: show.id, seq: lines }, data: { deletedAt: new Date() } });

    const overlay = await overlayFor(signOverlay(show.id));
    expect(overlay?.messages.map((m) => m.text)).toEqual(Array.from({ length: OVERLAY_CHAT_LINES }, (_, i) => `line ${i + 2}`));

    const other = await makeLiveShow();
    const forged = signOverlay(other.show.id).replace(other.show.id, show.id);
    expect(await overlayFor(forged)).toBeNull();
    expect(await overlayFor(signOverlay(show.id, new Date(Date.now() - 3600_000)))).toBeNull();
    await db.show.update({ where: { id: show.id }, data: { status: "ENDED", endedAt: new Date() } });
    expect(await overlayFor(signOverlay(show.id))).toBeNull();
  });
});
