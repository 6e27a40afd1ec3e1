// Where a database-bound phase spends its time, measured while it runs: every 100 ms a sample of
// what the benchmark's own Postgres backends are doing (pg_stat_activity: state and wait event,
// told apart from the app's connections by application_name), and the CPU time the benchmark
// process and those backends used over the phase (from /proc), beside the wall time × cores.
import os from "node:os";

import pg from "pg";

import { cpuSeconds } from "./cpu";

const SAMPLE_MS = 100;

export type PgProfile = {
  samples: number;
  /** "state / wait_event_type:wait_event" → average number of backends in it */
  histogram: [string, number][];
  benchCpuS: number;
  backendsCpuS: number;
  wallS: number;
};

export type Profiler = { during: <T>(phase: () => Promise<T>) => Promise<{ result: T; profile: PgProfile }>; close: () => Promise<void> };

/** A profiler on its own connection (not counted: its application_name differs). */
export async function pgProfiler(databaseUrl: string, applicationName: string): Promise<Profiler> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "bench-profiler" });
  await client.connect();
  const backends = async (): Promise<number[]> =>
    (await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [applicationName])).rows.map((r) => r.pid);

  async function during<T>(phase: () => Promise<T>): Promise<{ result: T; profile: PgProfile }> {
    const counts = new Map<string, number>();
    let samples = 0;
    let sampling = true;
    const seen = new Map<number, number>(); // backend pid → its CPU seconds at first sight
    for (const pid of await backends()) seen.set(pid, cpuSeconds([pid]));
    const benchStart = process.cpuUsage();
    const wallStart = performance.now();
    const sampler = (async () => {
      while (sampling) {
        const rows = (
          await client.query<{ pid: number; state: string | null; wait: string | null }>(
            `SELECT pid, state, wait_event_type || ':' || wait_event AS wait FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = $1`,
            [applicationName],
          )
        ).rows;
        samples += 1;
        for (const r of rows) {
          if (!seen.has(r.pid)) seen.set(r.pid, 0); // opened during the phase: all its CPU counts
          const key = `${r.state ?? "?"} / ${r.wait ?? "on CPU"}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      }
    })();
    let result: T;
    try {
      result = await phase();
    } finally {
      sampling = false;
      await sampler;
    }
    const wallS = (performance.now() - wallStart) / 1000;
    const bench = process.cpuUsage(benchStart);
    let backendsCpuS = 0;
    for (const [pid, start] of seen) backendsCpuS += Math.max(0, cpuSeconds([pid]) - start);
    const histogram = [...counts].map(([k, n]): [string, number] => [k, n / Math.max(1, samples)]).sort((a, b) => b[1] - a[1]);
    return { result, profile: { samples, histogram, benchCpuS: (bench.user + bench.system) / 1e6, backendsCpuS, wallS } };
  }

  return { during, close: () => client.end() };
}

/** The profile as lines to print. */
export function profileLines(name: string, p: PgProfile): string[] {
  const cores = os.cpus().length;
  const lines = [
    `  ${name}: ${p.samples} samples; CPU over ${p.wallS.toFixed(1)} s (${cores} cores): this process ${p.benchCpuS.toFixed(1)} s` +
      ` (${Math.round((p.benchCpuS / p.wallS) * 100)} % of a core), its Postgres backends ${p.backendsCpuS.toFixed(1)} s` +
      ` (${Math.round((p.backendsCpuS / p.wallS) * 100)} % of a core)`,
  ];
  for (const [key, n] of p.histogram) lines.push(`    ${n.toFixed(2).padStart(6)} backends  ${key}`);
  return lines;
}
