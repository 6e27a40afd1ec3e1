import "server-only";
import { Client } from "pg";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import type { Loop } from "@/lib/leader";

// graphile-worker keeps a job (and its named queue) locked by the worker that took it until that
// worker finishes it; a worker whose process died (killed, crashed, stopped without releasing)
// leaves it locked for 4 hours. So each instance holds a session advisory lock per worker of its
// own, on a connection of its own, and the leader frees what is locked by workers whose lock
// nobody holds anymore: their jobs run again within seconds on another instance.
const WORKER_LOCK_CLASS = 0x4a4f_4253; // "JOBS"
const RETRY_MS = 2_000;
// A job is taken a moment before its worker's lock is known to be held: leave fresh locks alone.
const FRESH_LOCK_SECONDS = 10;

const state = globalThis as unknown as { suixinWorkerLocks?: { ids: Set<string>; client: Client | null; connecting: boolean } };

function locks() {
  state.suixinWorkerLocks ??= { ids: new Set(), client: null, connecting: false };
  return state.suixinWorkerLocks;
}

async function lockAll(client: Client, ids: Iterable<string>): Promise<void> {
  for (const id of ids) await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [WORKER_LOCK_CLASS, id]);
}

async function connect(): Promise<void> {
  const s = locks();
  if (s.client || s.connecting) return;
  s.connecting = true;
  const client = new Client({ connectionString: databaseUrl(), application_name: "suixin-job-workers" });
  const retry = () => {
    if (s.client === client) s.client = null;
    client.end().catch(() => undefined);
    setTimeout(() => void connect(), RETRY_MS).unref();
  };
  client.on("error", retry);
  try {
    await client.connect();
    s.client = client; // ids added from now on are locked by holdWorkerLock itself (twice is harmless)
    await lockAll(client, s.ids);
  } catch {
    retry();
  } finally {
    s.connecting = false;
  }
}

/** Marks one of this instance's workers alive for as long as this process (and its connection) lives. */
export function holdWorkerLock(workerId: string): void {
  const s = locks();
  s.ids.add(workerId);
  if (s.client) s.client.query("SELECT pg_advisory_lock($1, hashtext($2))", [WORKER_LOCK_CLASS, workerId]).catch(() => undefined);
  else void connect();
}

/** Frees jobs and queues locked by workers of dead instances; returns how many workers were dead. */
export async function releaseDeadWorkers(): Promise<number> {
  const holders = await db.$queryRaw<{ locked_by: string }[]>`
    SELECT DISTINCT locked_by FROM graphile_worker._private_jobs
      WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => ${FRESH_LOCK_SECONDS})
    UNION
    SELECT DISTINCT locked_by FROM graphile_worker._private_job_queues
      WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => ${FRESH_LOCK_SECONDS})`;
  let dead = 0;
  for (const { locked_by: workerId } of holders) {
    // Taking the worker's lock for this transaction succeeds only if no live session holds it.
    const released = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ free: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${WORKER_LOCK_CLASS}::int, hashtext(${workerId})) AS free`;
      if (!row?.free) return false;
      await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(ARRAY[${workerId}]::text[])`;
      return true;
    });
    if (released) {
      dead += 1;
      console.warn(`[jobs] released the jobs of worker ${workerId}: its app instance is gone`);
    }
  }
  return dead;
}

/** Every few seconds, on the leading instance. */
export const releaseDeadWorkersLoop: Loop = {
  name: "jobs-release-dead-workers",
  everyMs: () => 5_000,
  async run() {
    await releaseDeadWorkers();
  },
};
