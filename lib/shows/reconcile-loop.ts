import "server-only";
import { reconcileEgresses } from "@/lib/egress/reconcile-egresses";
import { env } from "@/lib/env";
import { reclaimChannels } from "@/lib/push/channels";
import type { Loop } from "@/lib/leader";
import { reconcileWithLiveKit } from "@/lib/shows/reconcile";

/** Compares the database with LiveKit (rooms, participants, egress jobs, push channels past their hold) every few seconds, on the leading app instance only. */
export const reconcileLoop: Loop = {
  name: "reconcile",
  everyMs: () => env().SUIXIN_RECONCILE_SECONDS * 1000,
  async run() {
    const shows = await reconcileWithLiveKit();
    if (shows.ended || shows.roomsClosed) console.info("[reconcile]", shows);
    const egresses = await reconcileEgresses();
    if (egresses.ended) console.info("[reconcile] egress", egresses);
    const reclaimed = await reclaimChannels();
    if (reclaimed) console.info(`[reconcile] ${reclaimed} push channel(s) reclaimed after their hold`);
  },
};
