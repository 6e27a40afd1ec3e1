import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { holdWorkerLock, releaseDeadWorkers } from "@/lib/jobs/liveness";
import { clearJobs } from "@/lib/testing/fixtures";

async function lockedBy(key: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ locked_by: string | null }[]>`SELECT locked_by FROM graphile_worker._private_jobs WHERE key = ${key}`;
  return row?.locked_by ?? null;
}

/** A job taken a minute ago by `workerId` (as graphile-worker's get_job leaves it). */
async function takenJob(key: string, workerId: string): Promise<void> {
  await db.$executeRaw`SELECT graphile_worker.add_job('events.send', '{}'::json, job_key => ${key})`;
  await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_by = ${workerId}, locked_at = now() - interval '1 minute' WHERE key = ${key}`;
}

it("frees the jobs of a worker whose instance is gone, and only those", async () => {
  await clearJobs();
  holdWorkerLock("worker-alive");
  await takenJob("job-of-dead", "worker-dead");
  await takenJob("job-of-alive", "worker-alive");
  // the lock of the live worker is taken on a connection of its own, asynchronously
  await expect
    .poll(async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted`)[0]?.n)
    .toBeGreaterThan(0);

  expect(await releaseDeadWorkers()).toBe(1);
  expect(await lockedBy("job-of-dead")).toBeNull();
  expect(await lockedBy("job-of-alive")).toBe("worker-alive");
});
