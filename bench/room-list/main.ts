// Room list throughput: requests/s and p99 latency of the home page `/` and its data route
// `/api/shows` with 200 live shows in the database, next to a static file served by the same
// Next.js server, all measured in the same run with autocannon on loopback.
//
//   npm run bench:rooms       (starts and stops its own stack; see bench/README.md)
import { Client } from "pg";
import { z } from "zod";

import { type LoadResult, autocannon } from "../support/autocannon";
import { startStack } from "../support/stack";
import type { RunningStack } from "../support/stack";
import { loadLine, percentile, table } from "../support/stats";

const SHOWS = 200;
const CONNECTIONS = 10;
const DURATION_S = 10;
const WARM_UP_S = 3;
const SEQUENTIAL_SAMPLES = 30;
const GOAL_SHARE = 0.5;
const GOAL_P99_MS = 50;

/** baseline: what the goals compare with; reference: context for reading the figures; goal: checked. */
type Target = { name: string; path: string; kind: "baseline" | "reference" | "goal" };

// The baseline is a file from public/: the same `next start` process, HTTP parsing and routing,
// but no rendering and no data. That is the ceiling of this server on this machine (a
// `force-static` route would also go through the App Router's cache and be slower, a lower bar).
// Two references help read the rest: /api/health is the cheapest dynamic route there is (one
// `SELECT 1`), and page 5 of the list is the home page with no cards (200 shows = 4 pages).
const TARGETS: readonly Target[] = [
  { name: "static file /default-cover.svg (baseline)", path: "/default-cover.svg", kind: "baseline" },
  { name: "ref: dynamic route /api/health", path: "/api/health", kind: "reference" },
  { name: "home page /", path: "/", kind: "goal" },
  { name: "ref: home page, no cards /?page=5", path: "/?page=5", kind: "reference" },
  { name: "data route /api/shows", path: "/api/shows", kind: "goal" },
];

/** 200 hosts, each with one live show (one LIVE show per host is enforced by an index). */
async function seed(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash")
     SELECT 'bench-user-' || g, 'bench-host-' || g || '@example.test', 'Bench host ' || g, 'not-a-hash'
     FROM generate_series(1, $1::int) AS g`,
    [SHOWS],
  );
  await db.query(
    `INSERT INTO "Show" (id, title, "hostId", status, "startedAt", likes, "viewerCount")
     SELECT 'bench-show-' || g, 'Bench show ' || g, 'bench-user-' || g, 'LIVE', now() - g * interval '1 minute', g % 97, g % 13
     FROM generate_series(1, $1::int) AS g`,
    [SHOWS],
  );
  await db.query(`ANALYZE "User"; ANALYZE "Show"`);
}

/** The requests are only worth timing if they return what a visitor would see. */
async function checkTargets(appUrl: string): Promise<void> {
  const list = z.object({ total: z.number(), shows: z.array(z.unknown()) }).parse(await (await fetch(`${appUrl}/api/shows`)).json());
  if (list.total !== SHOWS || list.shows.length !== 50) throw new Error(`/api/shows: ${list.total} live, ${list.shows.length} listed`);
  const home = await (await fetch(`${appUrl}/`)).text();
  const cards = home.split('data-testid="show-card"').length - 1;
  if (cards !== 50) throw new Error(`/ renders ${cards} show cards, expected 50`);
  const empty = await (await fetch(`${appUrl}/?page=5`)).text();
  if (empty.includes('data-testid="show-card"')) throw new Error("/?page=5 should render no show cards");
  const file = await fetch(`${appUrl}/default-cover.svg`);
  if (!file.ok) throw new Error(`/default-cover.svg: HTTP ${file.status}`);
  await file.body?.cancel();
}

/** One request at a time: the cost of a single request on an idle server (the service time). */
async function sequentialMs(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL_SAMPLES; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

/** Postgres' own time for the two queries behind one room-list request. */
async function queryPlans(db: Client): Promise<string[]> {
  const explain = async (sql: string): Promise<string> => {
    const { rows } = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n    ");
  };
  return [
    `list (first page):\n    ${await explain(
      `SELECT "roomNumber", title, "coverPath", "startedAt", likes, "viewerCount", "hostAwaySince", "hostId" FROM "Show"
       WHERE status = 'LIVE' ORDER BY "startedAt" DESC, "roomNumber" DESC LIMIT 50 OFFSET 0`,
    )}`,
    `count:\n    ${await explain(`SELECT count(*) FROM "Show" WHERE status = 'LIVE'`)}`,
  ];
}

async function bench(stack: RunningStack): Promise<void> {
  const appUrl = stack.info.appUrl;
  const db = new Client({ connectionString: stack.info.databaseUrl });
  await db.connect();
  try {
    await seed(db);
    await checkTargets(appUrl);
    process.stdout.write(`${SHOWS} live shows seeded; ${CONNECTIONS} connections, ${WARM_UP_S} s warm-up + ${DURATION_S} s per target\n`);

    const results: { target: Target; result: LoadResult; idle: number }[] = [];
    for (const target of TARGETS) {
      const url = `${appUrl}${target.path}`;
      await autocannon(url, WARM_UP_S, CONNECTIONS); // JIT, caches, connection pools: not counted
      const result = await autocannon(url, DURATION_S, CONNECTIONS);
      const idle = await sequentialMs(url);
      results.push({ target, result, idle });
      process.stdout.write(`  ${target.path}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms\n`);
    }

    const baseline = results.find((r) => r.target.kind === "baseline")?.result.requests.average ?? Number.NaN;
    const rows: string[][] = [["target", "req/s", "of static", "p50", "p99", "max", "idle p50", "errors/non-2xx"]];
    for (const { target, result, idle } of results) {
      rows.push([
        target.name,
        Math.round(result.requests.average).toString(),
        `${Math.round((result.requests.average / baseline) * 100)}%`,
        `${result.latency.p50} ms`,
        `${result.latency.p99} ms`,
        `${result.latency.max} ms`,
        `${idle.toFixed(1)} ms`,
        `${result.errors + result.timeouts}/${result.non2xx}`,
      ]);
    }
    process.stdout.write(`\nRoom list with ${SHOWS} live shows (page 1 = 50 cards), anonymous visitor\n${table(rows)}\n`);
    process.stdout.write("(idle p50: one request at a time, after the load)\n\n");
    for (const { target, result } of results) {
      if (target.kind !== "goal") continue;
      const share = result.requests.average / baseline;
      const met = share >= GOAL_SHARE && result.latency.p99 <= GOAL_P99_MS;
      process.stdout.write(
        `goal for ${target.path} (≥ ${GOAL_SHARE * 100}% of static req/s, p99 ≤ ${GOAL_P99_MS} ms): ${met ? "met" : "MISSED"} ` +
          `(${Math.round(share * 100)}%, p99 ${result.latency.p99} ms)\n`,
      );
    }
    process.stdout.write(`\nPostgres plans behind one request (EXPLAIN ANALYZE):\n  ${(await queryPlans(db)).join("\n  ")}\n`);
    process.stdout.write(`${loadLine()}\n`);
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  process.stdout.write(`before: ${loadLine()}\n`);
  let stack: RunningStack | undefined;
  try {
    // No LiveKit rooms exist for the seeded shows, and creating them would not help: the hosts
    // never connect, so presence would end every show after the grace period. With the reconcile
    // loop pushed out past the benchmark, the 200 rows stay LIVE (and its periodic work is absent).
    stack = await startStack("rooms", { SUIXIN_RECONCILE_SECONDS: "86400" });
    process.stdout.write(`stack up: ${stack.info.appUrl}\n`);
    await bench(stack);
  } finally {
    await stack?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:rooms failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
