import "server-only";
import { env } from "@/lib/env";
import type { Loop } from "@/lib/leader";
import { reconcileWithLiveKit } from "@/lib/shows/reconcile";

/** Compares the database with LiveKit every few seconds, on the leading app instance only. */
export const reconcileLoop: Loop = {
  name: "reconcile",
  everyMs: () => env().SUIXIN_RECONCILE_SECONDS * 1000,
  async run() {
    const summary = await reconcileWithLiveKit();
    if (summary.ended || summary.roomsClosed) console.info("[reconcile]", summary);
  },
};
