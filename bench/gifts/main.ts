// Gift sends under load: 50 concurrent senders for 20 s, (a) calling the lib function that places a
// gift (one statement against Postgres: debit, ledger entries, gift event, leaderboards; then the
// show's announcer asked for) and (b) through the real HTTP server action (session, input check,
// rate limit, the same placement). The app's job runner announces the gifts meanwhile (the show's
// announcer sends the gifts not yet announced in batch notices); the announcement rate during each
// phase, the most gifts waiting at once, the time the rest took after the phase and how many gifts a
// participant in the room received are printed too. Each is printed next to a baseline measured in
// the same run: (a) a bare conditional UPDATE of a wallet balance through the same client, the
// floor of any debit (and the same UPDATE with a graphile-worker add_job in its statement, keyed
// per show: what a job per gift would cost); (b) the cheapest dynamic route of the same server
// (/api/health). Then the ledger's drift (sum of all entries, balances against their entries,
// leaderboards against the gift events), printed as one number that must be 0. Every row carries
// the load average at its end.
//
//   npm run bench:gifts       (starts and stops its own stack; see bench/README.md)
import { randomUUID } from "node:crypto";
import os from "node:os";

import { Room, RoomEvent } from "@livekit/rtc-node";
import pg from "pg";
import { AccessToken, RoomServiceClient } from "livekit-server-sdk";
import { z } from "zod";

import { actionAnswer, actionId } from "../../e2e/support/actions";
import { runAppCodeAgainst } from "../support/app-env";
import { loginCookie } from "../support/login";
import { runBench, withStack } from "../support/run";
import type { RunningStack } from "../support/stack";
import { pgProfiler, profileLines } from "../support/pg-profile";
import type { PgProfile } from "../support/pg-profile";
import { loadLine, percentile, table } from "../support/stats";

const SENDERS = 50;
const RUN_S = 20;
const BASELINE_S = 10;
const GOAL_LIB_PER_S = 500;
const PASSWORD = "bench-password-123";
const SENDER_FUNDS = 10_000_000;
const PLATFORM_SHARE = 10;
const ROOM_TOPIC = "suixin.show";
/** This process' connections, told apart from the app's in pg_stat_activity. */
const APPLICATION_NAME = "bench-gifts";

type Run = { name: string; ok: number; failed: number; seconds: number; latencies: number[]; errors: Map<string, number>; load: number };

/** `concurrency` loops calling `once` until `seconds` are over; every call's latency is kept. */
async function drive(name: string, concurrency: number, seconds: number, once: (worker: number) => Promise<void>): Promise<Run> {
  const run: Run = { name, ok: 0, failed: 0, seconds, latencies: [], errors: new Map(), load: 0 };
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await once(worker);
          run.ok += 1;
          run.latencies.push(performance.now() - t);
        } catch (error) {
          run.failed += 1;
          const key = error instanceof Error ? error.message.slice(0, 120) : String(error);
          run.errors.set(key, (run.errors.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  run.seconds = (performance.now() - started) / 1000;
  run.load = os.loadavg()[0] ?? 0;
  process.stdout.write(
    `  ${name}: ${Math.round(run.ok / run.seconds)}/s, p99 ${percentile(run.latencies, 99).toFixed(0)} ms, ${run.failed} failed (load ${run.load.toFixed(1)})\n`,
  );
  return run;
}

function row(run: Run, baseline?: Run): string[] {
  const rate = run.ok / run.seconds;
  return [
    run.name,
    Math.round(rate).toString(),
    baseline ? `${Math.round((rate / (baseline.ok / baseline.seconds)) * 100)}%` : "",
    `${percentile(run.latencies, 50).toFixed(1)} ms`,
    `${percentile(run.latencies, 99).toFixed(1)} ms`,
    run.ok.toString(),
    run.failed.toString(),
    run.load.toFixed(1),
  ];
}

// ── the stack's parts this benchmark needs ─────────────────────────────────────────────────

type Sql = { $queryRaw: <T>(query: TemplateStringsArray, ...values: unknown[]) => Promise<T> };

/** Gift events waiting for their announcement, and those announced so far. */
async function announcements(db: Sql): Promise<{ waiting: number; announced: number }> {
  const [row] = await db.$queryRaw<{ waiting: number; announced: number }[]>`
    SELECT count(*) FILTER (WHERE "announcedAt" IS NULL)::int AS waiting, count("announcedAt")::int AS announced FROM "GiftEvent"`;
  return row ?? { waiting: 0, announced: 0 };
}

type Drain = { during: number; maxWaiting: number; after: number; left: number; announced: number };

/**
 * Watches the announcements while `phase` runs (every 250 ms: the most gifts waiting at once),
 * then waits until none is waiting (or `limitS` passed): how many were announced during the phase
 * and how long the rest took.
 */
async function watchAnnouncements(db: Sql, phase: () => Promise<Run>, limitS = 180): Promise<{ run: Run; drain: Drain }> {
  const start = await announcements(db);
  let maxWaiting = start.waiting;
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      maxWaiting = Math.max(maxWaiting, (await announcements(db)).waiting);
    }
  })();
  const run = await phase();
  watching = false;
  await watcher;
  const end = await announcements(db);
  const started = performance.now();
  let now = end;
  while (now.waiting > 0 && performance.now() - started < limitS * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    now = await announcements(db);
  }
  const drain = {
    during: (end.announced - start.announced) / run.seconds,
    maxWaiting: Math.max(maxWaiting, end.waiting),
    after: (performance.now() - started) / 1000,
    left: now.waiting,
    announced: now.announced - start.announced,
  };
  process.stdout.write(
    `  announced ${Math.round(drain.during)} gifts/s during it, at most ${drain.maxWaiting} waiting; the rest ${drain.after.toFixed(1)} s after (${drain.left} left)\n`,
  );
  return { run, drain };
}

/** A participant in the show's room that counts the gift events the server sends (the broadcast's far end). */
/** A participant in the show's room that counts the gift notices the server sends, and the gifts in them (the broadcast's far end). */
async function listen(stack: RunningStack, roomName: string): Promise<{ gifts: () => number; notices: () => number; close: () => Promise<void> }> {
  const token = new AccessToken(stack.info.livekit.apiKey, stack.info.livekit.apiSecret, { identity: "bench-listener", ttl: 3600 });
  token.addGrant({ room: roomName, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false });
  const room = new Room();
  const gifts = new Set<string>();
  let notices = 0;
  const notice = z.object({ type: z.literal("gifts"), gifts: z.array(z.object({ id: z.string() })) });
  room.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
    if (topic !== ROOM_TOPIC) return;
    for (const item of [JSON.parse(new TextDecoder().decode(payload))].flat()) {
      const parsed = notice.safeParse(item);
      if (!parsed.success) continue;
      notices += 1;
      for (const g of parsed.data.gifts) gifts.add(g.id);
    }
  });
  await room.connect(stack.info.livekit.wsUrl, await token.toJwt(), { autoSubscribe: false, dynacast: false });
  return { gifts: () => gifts.size, notices: () => notices, close: () => room.disconnect() };
}

async function bench(stack: RunningStack): Promise<void> {
  const { appUrl, databaseUrl, livekit } = stack.info;
  // The lib code runs in this process too (phase a): the stack's database, any settings it reads.
  const benchDatabaseUrl = new URL(databaseUrl);
  benchDatabaseUrl.searchParams.set("application_name", APPLICATION_NAME);
  runAppCodeAgainst(stack.info, { DATABASE_URL: benchDatabaseUrl.toString() });
  const { db, DB_POOL_SIZE, preparedQuery } = await import("@/lib/db");
  const { Prisma } = await import("@/lib/generated/prisma/client");
  const { planGift } = await import("@/lib/gifts/place-gift");
  const { hashPassword } = await import("@/lib/auth/password");
  const { placeGift } = await import("@/lib/gifts/place-gift");
  const { auditGifts, driftOf } = await import("@/lib/gifts/audit");
  const { saveSetting } = await import("@/lib/settings");
  const { postTransfer } = await import("@/lib/wallet/ledger");
  const { grantsAccount, walletAccount } = await import("@/lib/wallet/accounts");

  // One host live in a real LiveKit room; 50 senders with a password, a session and coins.
  const passwordHash = await hashPassword(PASSWORD);
  const host = await db.user.create({ data: { email: "bench-host@example.test", name: "Bench host", passwordHash }, select: { id: true } });
  const show = await db.show.create({ data: { hostId: host.id, title: "Gift benchmark" }, select: { id: true, roomNumber: true } });
  const roomName = `show-${show.roomNumber}`;
  await new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret).createRoom({ name: roomName, emptyTimeout: 600 });
  await db.$transaction((tx) => saveSetting(tx, "platformSharePercent", PLATFORM_SHARE, null));
  const senders: { id: string; name: string; role: "USER" | "OPERATOR"; email: string }[] = [];
  for (let i = 0; i < SENDERS; i++) {
    const user = await db.user.create({
      data: { email: `bench-sender-${i}@example.test`, name: `Sender ${i}`, passwordHash },
      select: { id: true, name: true, role: true, email: true },
    });
    await postTransfer(db, {
      kind: "GRANT",
      actorId: null,
      entries: [
        { account: grantsAccount, amount: -SENDER_FUNDS, memo: "bench funds" },
        { account: walletAccount(user.id), amount: SENDER_FUNDS, memo: "bench funds" },
      ],
    });
    senders.push(user);
  }
  const cookies = await Promise.all(senders.map((s) => loginCookie(appUrl, s.email, PASSWORD)));
  const sendGiftId = actionId("components/gifts/actions.ts", "sendGiftAction");
  const listener = await listen(stack, roomName);
  process.stdout.write(`1 live show, ${SENDERS} senders logged in; platform share ${PLATFORM_SHARE} %; a listener in the room\n`);

  const gift = (worker: number) => ({ roomNumber: show.roomNumber, giftId: "heart", count: 1 + (worker % 3), idempotencyKey: randomUUID() });
  const sendOverHttp = async (worker: number) => {
    const response = await fetch(`${appUrl}/shows/${show.roomNumber}`, {
      method: "POST",
      headers: {
        "next-action": sendGiftId,
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        origin: appUrl,
        cookie: cookies[worker] ?? "",
      },
      body: JSON.stringify([gift(worker)]),
    });
    const answer = actionAnswer(await response.text());
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  };

  // Warm-up (JIT, pools, caches), not counted.
  await drive("warm-up (lib)", SENDERS, 2, (w) => placeGift(senders[w % SENDERS]!, gift(w)).then(() => undefined));
  await drive("warm-up (HTTP)", SENDERS, 2, sendOverHttp);

  // Where the time goes: what this process' backends wait on, and whose CPU the phase used.
  const profiler = await pgProfiler(databaseUrl, APPLICATION_NAME);
  const profiles: [string, PgProfile][] = [];
  const profiled = async (run: () => Promise<Run>): Promise<Run> => {
    const { result, profile } = await profiler.during(run);
    profiles.push([result.name, profile]);
    return result;
  };
  const debitFloor = await profiled(() =>
    drive("baseline: bare conditional UPDATE of a wallet", SENDERS, BASELINE_S, async (w) => {
      const id = walletAccount(senders[w]!.id).id;
      await db.$executeRaw`UPDATE "LedgerAccount" SET balance = balance + 0 WHERE id = ${id} AND balance >= 1`;
    }),
  );
  // The same UPDATE the way the gift statement now travels (a named prepared statement on the pool).
  const preparedFloor = await profiled(() =>
    drive("baseline: the UPDATE as a prepared statement (the gift's path)", SENDERS, BASELINE_S, async (w) => {
      const id = walletAccount(senders[w]!.id).id;
      await preparedQuery(Prisma.sql`UPDATE "LedgerAccount" SET balance = balance + 0 WHERE id = ${id} AND balance >= 1 RETURNING id`);
    }),
  );
  // A job per gift, as the announcement was before: the same UPDATE with graphile-worker's add_job
  // (keyed per show, coalescing) in its statement. Its jobs find nothing to announce.
  const announcer = JSON.stringify({ showId: show.id, roomNumber: show.roomNumber });
  const withJob = await drive("baseline: the UPDATE + add_job keyed per show, one statement", SENDERS, BASELINE_S, async (w) => {
    const id = walletAccount(senders[w]!.id).id;
    await db.$queryRaw`WITH debit AS (UPDATE "LedgerAccount" SET balance = balance + 0 WHERE id = ${id} AND balance >= 1 RETURNING id)
      SELECT (graphile_worker.add_job('gifts.announce', ${announcer}::json, job_key => ${`gifts.announce:${show.id}`}::text)).id FROM debit`;
  });
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // its last jobs run
  const before = { gifts: listener.gifts(), notices: listener.notices() };
  const a = await watchAnnouncements(db, () =>
    profiled(() => drive("(a) placeGift, lib → Postgres", SENDERS, RUN_S, (w) => placeGift(senders[w]!, gift(w)).then(() => undefined))),
  );
  await profiler.close();
  const explained = await explainGift(databaseUrl, await planGift(senders[0]!, gift(0)).then((p) => p.statement));
  const health = await drive("baseline: GET /api/health", SENDERS, BASELINE_S, async () => {
    const response = await fetch(`${appUrl}/api/health`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  });
  const b = await watchAnnouncements(db, () => drive("(b) sendGiftAction over HTTP", SENDERS, RUN_S, sendOverHttp));
  // The last notices may still be on their way to the listener.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const received = { gifts: listener.gifts() - before.gifts, notices: listener.notices() - before.notices };
  await listener.close();
  const { run: lib, drain: libDrain } = a;
  const { run: http, drain: httpDrain } = b;

  const audit = await auditGifts();
  const drift = driftOf(audit);

  process.stdout.write(`\nGift sends, ${SENDERS} concurrent senders, one live show (load: ${loadLine()})\n`);
  process.stdout.write(
    `${table([
      ["target", "per s", "of baseline", "p50", "p99", "done", "failed", "load (1 min)"],
      row(debitFloor),
      row(preparedFloor, debitFloor),
      row(withJob, debitFloor),
      row(lib, debitFloor),
      row({ ...lib, name: "(a) beside the prepared UPDATE" }, preparedFloor),
      row(health),
      row(http, health),
    ])}\n`,
  );
  process.stdout.write(`\nthis process' pool: ${DB_POOL_SIZE} connections (Prisma's adapter and preparedQuery share it: every baseline and (a)), for ${SENDERS} senders\n`);
  process.stdout.write("wait events of its backends (pg_stat_activity every 100 ms, average backends in each state) and CPU:\n");
  for (const [name, profile] of profiles) process.stdout.write(`${profileLines(name, profile).join("\n")}\n`);
  process.stdout.write(`one gift statement, EXPLAIN (ANALYZE, BUFFERS) after (a), unprepared (its planning is what preparing saves), rolled back:\n${explained.map((l) => `  ${l}`).join("\n")}\n\n`);
  for (const run of [lib, http]) for (const [message, n] of run.errors) process.stdout.write(`  ${run.name} failure ×${n}: ${message}\n`);
  for (const [name, run, drain] of [["(a)", lib, libDrain], ["(b)", http, httpDrain]] as const) {
    process.stdout.write(
      `${name} announcements: ${Math.round(drain.during)} gifts/s during the phase (sends ${Math.round(run.ok / run.seconds)}/s), ` +
        `at most ${drain.maxWaiting} waiting, the rest sent ${drain.after.toFixed(1)} s after (${drain.left} left); ` +
        `${Math.round(drain.announced / (run.seconds + drain.after))} announced/s overall\n`,
    );
  }
  process.stdout.write(
    `gifts received by a participant in the room during (a) and (b): ${received.gifts} of ${lib.ok + http.ok} sends, in ${received.notices} notices\n`,
  );
  process.stdout.write(
    `\ndrift: ${drift}  (entries sum ${audit.entriesSum}, unbalanced transfers ${audit.unbalancedTransfers}, ` +
      `Σ|wallet balance − its entries| ${audit.walletDrift}, negative wallets ${audit.negativeWallets}, ` +
      `leaderboard drift ${audit.tallyDrift}, gifts off the ledger ${audit.giftsOffLedger}; ${audit.gifts} gifts, ${audit.entries} entries)\n`,
  );
  const libRate = lib.ok / lib.seconds;
  process.stdout.write(`goal (a) ≥ ${GOAL_LIB_PER_S} gifts/s: ${libRate >= GOAL_LIB_PER_S ? "met" : "MISSED"} (${Math.round(libRate)}/s)\n`);
  process.stdout.write(`goal drift = 0: ${drift === 0 ? "met" : "MISSED"}\n`);
  await db.$disconnect();
}

/** A gift statement's plan summary (planning, execution and trigger times), run in a transaction rolled back. */
async function explainGift(databaseUrl: string, statement: { text: string; values: unknown[] }): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    await client.query("ROLLBACK");
    const lines = plan.rows.map((r) => r["QUERY PLAN"]);
    return lines.filter((l, i) => i === 0 || /^(Planning Time|Execution|Trigger)/.test(l));
  } finally {
    await client.end();
  }
}

runBench("gifts", () =>
  withStack(
    "gifts",
    {
      // The seeded show has no host connected: keep the reconcile loop from ending it mid-run.
      SUIXIN_RECONCILE_SECONDS: "86400",
      // 50 logins from one address, and each sender far above a person's 10 gifts/s.
      SUIXIN_RATE_LIMITS: JSON.stringify({ "login.ip": { points: 100_000 }, "gift.send": { points: 1_000_000 } }),
    },
    bench,
  ),
);
