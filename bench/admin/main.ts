// Admin dashboard data routes: p99 latency of the live monitor's data route and the users search,
// as an operator, with 10,000 users, 1,000 ended shows and 100 live shows in the database, next to
// /api/health (the cheapest dynamic route) measured in the same run with autocannon on loopback.
//
//   npm run bench:admin       (starts and stops its own stack; see bench/README.md)
import { Client } from "pg";
import { z } from "zod";

import { hashPassword } from "../../lib/auth/password";
import { type LoadResult, autocannon } from "../support/autocannon";
import { loginCookie } from "../support/login";
import { runBench, withStack } from "../support/run";
import type { RunningStack } from "../support/stack";
import { loadLine, percentile, table } from "../support/stats";

const USERS = 10_000;
const ENDED_SHOWS = 1_000;
const LIVE_SHOWS = 100;
const CONNECTIONS = 10;
const DURATION_S = 10;
const WARM_UP_S = 3;
const SEQUENTIAL_SAMPLES = 30;
const GOAL_P99_MS = 100;
const OPERATOR = { email: "bench-operator@example.test", password: "bench-operator-password" };

type Target = { name: string; path: string; kind: "baseline" | "goal" | "reference" };

const TARGETS: readonly Target[] = [
  { name: "baseline: /api/health", path: "/api/health", kind: "baseline" },
  { name: "live monitor /api/admin/live", path: "/api/admin/live", kind: "goal" },
  { name: "users search /api/admin/users?q=user 12", path: "/api/admin/users?q=user%2012", kind: "goal" },
  { name: "ref: users, no query (page 1 of 200)", path: "/api/admin/users", kind: "reference" },
  { name: "ref: users search, page 3", path: "/api/admin/users?q=user%2012&page=3", kind: "reference" },
];

/** 10,000 users (the first 1,100 host), 1,000 ended shows, 100 live ones with running outputs, one operator. */
async function seed(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt")
     SELECT 'bench-user-' || g, 'bench-user-' || g || '@example.test', 'Bench user ' || g, 'not-a-hash', now() - (g % 90) * interval '1 day'
     FROM generate_series(1, $1::int) AS g`,
    [USERS],
  );
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role) VALUES ('bench-operator', $1, 'Bench operator', $2, 'OPERATOR')`,
    [OPERATOR.email, await hashPassword(OPERATOR.password)],
  );
  await db.query(
    `INSERT INTO "Show" (id, title, "hostId", status, "startedAt", "endedAt", "endReason", "peakViewers", "uniqueViewers", likes)
     SELECT 'bench-ended-' || g, 'Ended show ' || g, 'bench-user-' || (g % 1000 + 101), 'ENDED',
            now() - g * interval '1 hour', now() - g * interval '1 hour' + interval '40 minutes', 'HOST', g % 40, g % 90, g % 300
     FROM generate_series(1, $1::int) AS g`,
    [ENDED_SHOWS],
  );
  await db.query(
    `INSERT INTO "Show" (id, title, "hostId", status, "startedAt", likes, "viewerCount", "peakViewers")
     SELECT 'bench-live-' || g, 'Live show ' || g, 'bench-user-' || g, 'LIVE', now() - g * interval '1 minute', g % 97, g % 13, g % 13 + 2
     FROM generate_series(1, $1::int) AS g`,
    [LIVE_SHOWS],
  );
  // Every third live show pushes HLS, every fifth records: the monitor counts running outputs.
  await db.query(
    `INSERT INTO "Egress" (id, "showId", kind, status, "updatedAt")
     SELECT 'EG_bench_hls_' || g, 'bench-live-' || g, 'HLS'::"EgressKind", 'ACTIVE'::"EgressStatus", now() FROM generate_series(1, $1::int) g WHERE g % 3 = 0
     UNION ALL
     SELECT 'EG_bench_mp4_' || g, 'bench-live-' || g, 'MP4'::"EgressKind", 'ACTIVE'::"EgressStatus", now() FROM generate_series(1, $1::int) g WHERE g % 5 = 0`,
    [LIVE_SHOWS],
  );
  await db.query(`ANALYZE "User"; ANALYZE "Show"; ANALYZE "Egress"`);
}

/** The figures are only worth timing if the routes answer what an operator would see. */
async function checkTargets(appUrl: string, cookie: string): Promise<void> {
  const get = async (path: string) => {
    const response = await fetch(`${appUrl}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  };
  const live = z.object({ total: z.number(), rows: z.array(z.object({ outputs: z.record(z.string(), z.number()) })) }).parse(await get("/api/admin/live"));
  if (live.total !== LIVE_SHOWS || live.rows.length !== 12) throw new Error(`/api/admin/live: ${live.total} live, ${live.rows.length} tiles`);
  const users = z.object({ total: z.number(), rows: z.array(z.unknown()) }).parse(await get("/api/admin/users?q=user%2012"));
  // "user 12", "user 120"–"user 129", "user 1200"–"user 1299"
  if (users.total !== 111 || users.rows.length !== 50) throw new Error(`/api/admin/users?q=user 12: ${users.total} found, ${users.rows.length} listed`);
  const all = z.object({ total: z.number() }).parse(await get("/api/admin/users"));
  if (all.total !== USERS + 1) throw new Error(`/api/admin/users: ${all.total} users`);
  const anonymous = await fetch(`${appUrl}/api/admin/live`);
  if (anonymous.status !== 401) throw new Error(`/api/admin/live without a session: HTTP ${anonymous.status}`);
}

async function sequentialMs(url: string, cookie: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL_SAMPLES; i++) {
    const started = performance.now();
    await (await fetch(url, { headers: { cookie } })).arrayBuffer();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

/** Postgres' own time for the user search (list and count), the heaviest query behind these routes. */
async function queryPlans(db: Client): Promise<string[]> {
  const explain = async (sql: string): Promise<string> => {
    const { rows } = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n    ");
  };
  const where = `(email ILIKE '%user 12%' OR name ILIKE '%user 12%' OR id = 'user 12')`;
  return [
    `users search, list:\n    ${await explain(`SELECT id, name, email FROM "User" WHERE ${where} ORDER BY "createdAt" DESC, id DESC LIMIT 50`)}`,
    `users search, count:\n    ${await explain(`SELECT count(*) FROM "User" WHERE ${where}`)}`,
  ];
}

async function bench(stack: RunningStack): Promise<void> {
  const appUrl = stack.info.appUrl;
  const db = new Client({ connectionString: stack.info.databaseUrl });
  await db.connect();
  try {
    await seed(db);
    const cookie = await loginCookie(appUrl, OPERATOR.email, OPERATOR.password);
    await checkTargets(appUrl, cookie);
    process.stdout.write(
      `${USERS} users, ${ENDED_SHOWS} ended + ${LIVE_SHOWS} live shows seeded; as an operator, ${CONNECTIONS} connections, ${WARM_UP_S} s warm-up + ${DURATION_S} s per target\n`,
    );
    const headers = { cookie };
    const results: { target: Target; result: LoadResult; idle: number }[] = [];
    for (const target of TARGETS) {
      const url = `${appUrl}${target.path}`;
      await autocannon(url, WARM_UP_S, CONNECTIONS, headers);
      const result = await autocannon(url, DURATION_S, CONNECTIONS, headers);
      const idle = await sequentialMs(url, cookie);
      results.push({ target, result, idle });
      process.stdout.write(`  ${target.path}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms\n`);
    }
    const rows: string[][] = [["target", "req/s", "p50", "p99", "max", "idle p50", "errors/non-2xx"]];
    for (const { target, result, idle } of results) {
      rows.push([
        target.name,
        Math.round(result.requests.average).toString(),
        `${result.latency.p50} ms`,
        `${result.latency.p99} ms`,
        `${result.latency.max} ms`,
        `${idle.toFixed(1)} ms`,
        `${result.errors + result.timeouts}/${result.non2xx}`,
      ]);
    }
    process.stdout.write(`\nAdmin data routes, ${USERS} users / ${ENDED_SHOWS} ended / ${LIVE_SHOWS} live shows, logged-in operator\n${table(rows)}\n`);
    process.stdout.write("(idle p50: one request at a time, after the load)\n\n");
    const baseline = results.find((r) => r.target.kind === "baseline")?.result.latency.p99;
    for (const { target, result } of results) {
      if (target.kind !== "goal") continue;
      const met = result.latency.p99 <= GOAL_P99_MS && result.non2xx === 0;
      process.stdout.write(
        `goal for ${target.path} (p99 ≤ ${GOAL_P99_MS} ms): ${met ? "met" : "MISSED"} (p99 ${result.latency.p99} ms; /api/health p99 ${baseline} ms in this run)\n`,
      );
    }
    process.stdout.write(`\nPostgres plans (EXPLAIN ANALYZE):\n  ${(await queryPlans(db)).join("\n  ")}\n`);
    process.stdout.write(`${loadLine()}\n`);
  } finally {
    await db.end();
  }
}

// The seeded live shows have no LiveKit rooms: with the reconcile loop pushed out past the run
// they stay live. The sampler runs at its production interval (30 s).
runBench("admin", () => withStack("admin", { SUIXIN_RECONCILE_SECONDS: "86400", SUIXIN_METRICS_SAMPLE_SECONDS: "30" }, bench));
