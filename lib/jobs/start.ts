import "server-only";
import { jobs, loops } from "@/lib/jobs/registry";
import { startJobRunner } from "@/lib/jobs/runner";
import { startLeaderLoops } from "@/lib/leader";

const state = globalThis as unknown as { suixinBackground?: Promise<void> };

/** Background work of one app instance: its share of the job queue, and the loops if it leads. */
export function startBackgroundWork(): Promise<void> {
  state.suixinBackground ??= (async () => {
    await startJobRunner(jobs);
    startLeaderLoops(loops);
  })();
  return state.suixinBackground;
}
