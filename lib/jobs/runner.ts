import "server-only";
import { EventEmitter } from "node:events";
import { Logger, run, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import { databaseUrl } from "@/lib/env";
import type { Job } from "@/lib/jobs/define";
import { holdWorkerLock } from "@/lib/jobs/liveness";

// graphile-worker logs every job at info level; keep warnings and errors only.
const logger = new Logger((scope) => (level, message) => {
  if (level === "error") console.error(`[jobs]${scope.taskIdentifier ? ` ${scope.taskIdentifier}` : ""} ${message}`);
  else if (level === "warning") console.warn(`[jobs]${scope.taskIdentifier ? ` ${scope.taskIdentifier}` : ""} ${message}`);
});

function taskList(jobs: readonly Job[]): TaskList {
  const tasks: TaskList = {};
  for (const job of jobs) {
    tasks[job.name] = async (payload) => {
      const parsed = job.schema.safeParse(payload);
      // A payload that no longer fits its schema would fail on every retry: drop it, loudly.
      if (!parsed.success) {
        console.error(`[jobs] ${job.name}: dropped a job with an invalid payload`, parsed.error.issues[0]?.message);
        return;
      }
      await job.run(parsed.data);
    };
  }
  return tasks;
}

/**
 * Runs the app's background jobs in this process. Every app instance runs one: jobs are taken
 * with SKIP LOCKED, so each runs once, on whichever instance is free. New jobs arrive through
 * LISTEN/NOTIFY (milliseconds); delayed ones and retries are polled for every second.
 */
export async function startJobRunner(jobs: readonly Job[]): Promise<Runner> {
  // Each worker is marked alive before it takes a job, so the leader can tell a dead one's jobs.
  const events: WorkerEvents = new EventEmitter();
  events.on("worker:create", ({ worker }) => holdWorkerLock(worker.workerId));
  return run({
    events,
    connectionString: databaseUrl(),
    concurrency: 4,
    maxPoolSize: 6,
    pollInterval: 1_000,
    noHandleSignals: true, // Next.js owns the process; the runner stops with it
    taskList: taskList(jobs),
    logger,
  });
}
