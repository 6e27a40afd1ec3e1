import "server-only";
import { Client } from "pg";
import { databaseUrl } from "@/lib/env";

/** Periodic work that must run on one app instance at a time (reconcile, flushes, sampling). */
export type Loop = {
  name: string;
  /** delay between the end of one run and the start of the next */
  everyMs: () => number;
  run: () => Promise<void>;
};

// pg_try_advisory_lock key: one leader per database, whatever the number of app instances.
const LEADER_LOCK = 0x5375_6978; // "Suix"
const RETRY_MS = 2_000;
const HEARTBEAT_MS = 2_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

type State = {
  client: Client | null;
  leading: boolean;
  loops: readonly Loop[];
  timers: Set<NodeJS.Timeout>;
  running: Set<string>;
  failing: Set<string>;
  started: boolean;
};

const globalState = globalThis as unknown as { suixinLeader?: State };

function state(): State {
  globalState.suixinLeader ??= { client: null, leading: false, loops: [], timers: new Set(), running: new Set(), failing: new Set(), started: false };
  return globalState.suixinLeader;
}

function later(ms: number, fn: () => void): void {
  const s = state();
  const timer = setTimeout(() => {
    s.timers.delete(timer);
    fn();
  }, ms);
  timer.unref();
  s.timers.add(timer);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs a loop, then schedules its next run, for as long as this instance leads. */
function runLoop(loop: Loop): void {
  const s = state();
  if (!s.leading || s.running.has(loop.name)) return;
  s.running.add(loop.name);
  loop
    .run()
    .then(
      () => {
        if (s.failing.delete(loop.name)) console.info(`[leader] ${loop.name} works again`);
      },
      (error: unknown) => {
        // Say it once per outage, not every few seconds.
        if (!s.failing.has(loop.name)) console.warn(`[leader] ${loop.name} failed:`, message(error));
        s.failing.add(loop.name);
      },
    )
    .finally(() => {
      s.running.delete(loop.name);
      if (s.leading) later(loop.everyMs(), () => runLoop(loop));
    });
}

/** Drops the connection (which releases the lock, if held) and tries again later. Idempotent. */
function stepDown(reason: string): void {
  const s = state();
  const client = s.client;
  if (!client) return;
  s.client = null;
  if (s.leading) console.warn(`[leader] this instance no longer leads (${reason})`);
  s.leading = false;
  // Ending the session releases the advisory lock on the server; another instance takes over.
  client.end().catch(() => undefined);
  later(RETRY_MS, () => void tryToLead());
}

async function heartbeat(): Promise<void> {
  const s = state();
  const client = s.client;
  if (!s.leading || !client) return;
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("heartbeat timed out")), HEARTBEAT_TIMEOUT_MS).unref());
  try {
    await Promise.race([client.query("SELECT 1"), timeout]);
    later(HEARTBEAT_MS, () => void heartbeat());
  } catch (error) {
    stepDown(message(error));
  }
}

async function tryToLead(): Promise<void> {
  const s = state();
  if (!s.client) {
    const client = new Client({ connectionString: databaseUrl(), application_name: "suixin-leader" });
    client.on("error", (error) => {
      if (s.client === client) stepDown(message(error));
    });
    try {
      await client.connect();
    } catch {
      client.end().catch(() => undefined);
      later(RETRY_MS, () => void tryToLead()); // the database is not reachable yet
      return;
    }
    s.client = client;
  }
  try {
    const { rows } = await s.client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LEADER_LOCK]);
    if (!rows[0]?.locked) {
      later(RETRY_MS, () => void tryToLead());
      return;
    }
  } catch (error) {
    stepDown(message(error));
    return;
  }
  s.leading = true;
  console.info(`[leader] this instance leads (pid ${process.pid}): ${s.loops.map((l) => l.name).join(", ")}`);
  for (const loop of s.loops) later(0, () => runLoop(loop));
  later(HEARTBEAT_MS, () => void heartbeat());
}

/**
 * Runs `loops` on exactly one app instance at a time: the one holding a Postgres advisory lock
 * on its own connection. The others retry every few seconds, so if the leader dies (its session
 * ends, the lock is released) another instance takes over within seconds.
 */
export function startLeaderLoops(loops: readonly Loop[]): void {
  const s = state();
  if (s.started) return;
  s.started = true;
  s.loops = loops;
  void tryToLead();
}

export function isLeader(): boolean {
  return state().leading;
}
