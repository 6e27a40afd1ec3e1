import "server-only";
import { env } from "@/lib/env";
import { reconcileWithLiveKit } from "@/lib/shows/reconcile";

const state = globalThis as unknown as { suixinReconcile?: NodeJS.Timeout };

/** Starts the periodic reconcile once per server process (called from instrumentation.ts). */
export function startReconcileLoop(): void {
  if (state.suixinReconcile) return;
  let running = false;
  let failing = false;
  state.suixinReconcile = setInterval(async () => {
    if (running) return; // a slow LiveKit must not pile up overlapping runs
    running = true;
    try {
      const summary = await reconcileWithLiveKit();
      if (summary.ended || summary.roomsClosed) console.info("[reconcile]", summary);
      if (failing) console.info("[reconcile] LiveKit reachable again");
      failing = false;
    } catch (error) {
      // Say it once per outage, not every few seconds.
      if (!failing) console.warn("[reconcile] failed:", error instanceof Error ? error.message : error);
      failing = true;
    } finally {
      running = false;
    }
  }, env().SUIXIN_RECONCILE_SECONDS * 1000);
  state.suixinReconcile.unref();
}
