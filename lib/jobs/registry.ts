import "server-only";
import type { Job } from "@/lib/jobs/define";
import type { Loop } from "@/lib/leader";
import { metricsLoop } from "@/lib/metrics/sample";
import { closeShowJob } from "@/lib/shows/end-show";
import { hostTimeoutJob } from "@/lib/shows/host-timeout";
import { reconcileLoop } from "@/lib/shows/reconcile-loop";
import { removeFromRoomsJob } from "@/lib/users/ban";

// Every background job and leader loop of the app, by domain: a job's module defines it
// (defineJob / Loop) and is listed here so the runner knows it.

export const jobs: readonly Job[] = [hostTimeoutJob, closeShowJob, removeFromRoomsJob];

export const loops: readonly Loop[] = [reconcileLoop, metricsLoop];
