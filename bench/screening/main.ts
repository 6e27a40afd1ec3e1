// bench:screening — what automatic screening costs: frames classified per second by the real
// model on this machine, and the app's CPU per live show at the default interval (15 s) for 1, 5
// and 10 simultaneous shows, beside the same shows with screening paused and the app idle, all
// in one run. Publishers are headless (rtc-node, a generated picture): see bench/README.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { AccessToken, RoomServiceClient } from "livekit-server-sdk";
import { Client } from "pg";
import sharp from "sharp";

import { loadNsfwjsClassifier } from "../../lib/screening/nsfwjs-classifier";
import { cpuSeconds, listenerOf, processTree } from "../support/cpu";
import { runBench, withStack } from "../support/run";
import type { RunningStack } from "../support/stack";
import { loadLine, percentile, table } from "../support/stats";
import { CAPTURE_MODES, startSampler } from "./capture-modes";
import { type Publisher, startPublisher } from "./publisher";

const INTERVAL_SECONDS = 15; // the default of screeningIntervalSeconds
const PAUSED_SECONDS = 3600; // "screening off": the loop waits an hour between rounds
const WINDOW_SECONDS = Number(process.env.BENCH_WINDOW_SECONDS || 60);
// e.g. BENCH_SHOWS=10 BENCH_CAPTURE_MODES=0 for one row while profiling the app, or
// BENCH_CAPTURE_MODES=toggle,paused for two of the capture modes
const SHOW_COUNTS = (process.env.BENCH_SHOWS || "1,5,10").split(",").map(Number);
const MODES = process.env.BENCH_CAPTURE_MODES === "0" ? [] : CAPTURE_MODES.filter((m) => (process.env.BENCH_CAPTURE_MODES || m).split(",").includes(m));
const CLASSIFY_FRAMES = 30;
const GOAL_CPU_PERCENT = 10;
const GOAL_LATENCY_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU of the app's and LiveKit's processes over `seconds`, as % of one core. */
async function measure(stack: RunningStack, seconds: number) {
  const app = processTree(listenerOf(stack.info.ports.app));
  const livekit = processTree(listenerOf(stack.info.ports.livekitHttp));
  const before = { app: cpuSeconds(app), livekit: cpuSeconds(livekit), at: Date.now() };
  await sleep(seconds * 1000);
  const wall = (Date.now() - before.at) / 1000;
  return {
    appPercent: ((cpuSeconds(app) - before.app) / wall) * 100,
    livekitPercent: ((cpuSeconds(livekit) - before.livekit) / wall) * 100,
    from: new Date(before.at),
    to: new Date(),
  };
}

// ---- the shows ----------------------------------------------------------------------------------

type Show = { userId: string; showId: string; roomNumber: number; publisher: Publisher };

async function setInterval(db: Client, seconds: number): Promise<void> {
  await db.query(
    `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('screeningIntervalSeconds', $1::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
    [JSON.stringify(seconds)],
  );
}

/** A live show as goLive leaves it (user, show row, LiveKit room), with a headless host publishing. */
async function startShow(stack: RunningStack, db: Client, rooms: RoomServiceClient, i: number): Promise<Show> {
  const tag = `${Date.now().toString(36)}${i}`;
  const userId = `benchhost${tag}`;
  await db.query(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, $2, $3, 'x')`, [userId, `${userId}@bench.test`, `Host ${i}`]);
  const {
    rows: [show],
  } = await db.query<{ id: string; roomNumber: number }>(
    `INSERT INTO "Show" (id, title, "hostId") VALUES ($1, $2, $3) RETURNING id, "roomNumber"`,
    [`benchshow${tag}`, `Bench show ${i}`, userId],
  );
  if (!show) throw new Error("no show row");
  const room = `show-${show.roomNumber}`;
  await rooms.createRoom({ name: room, emptyTimeout: 300, departureTimeout: 60 });
  const token = new AccessToken(stack.info.livekit.apiKey, stack.info.livekit.apiSecret, { identity: userId, name: `Host ${i}`, ttl: 3600 });
  token.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: false, canPublishData: false });
  const publisher = await startPublisher(stack.info.livekit.wsUrl, await token.toJwt());
  return { userId, showId: show.id, roomNumber: show.roomNumber, publisher };
}

type SampleRow = { showId: string; capturedAt: Date; classifiedAt: Date };

async function samplesBetween(db: Client, from: Date, to: Date): Promise<SampleRow[]> {
  const { rows } = await db.query<SampleRow>(
    `SELECT "showId", "capturedAt", "classifiedAt" FROM "ScreeningSample" WHERE "capturedAt" >= $1 AND "capturedAt" < $2`,
    [from, to],
  );
  return rows;
}

/** Waits until every show has had a sample since `since` (the first round also loads the model). */
async function waitForSamples(db: Client, shows: Show[], since: Date, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sampled = new Set((await samplesBetween(db, since, new Date(Date.now() + 1000))).map((s) => s.showId));
    if (shows.every((s) => sampled.has(s.showId))) return;
    if (Date.now() > deadline) throw new Error(`only ${sampled.size} of ${shows.length} shows sampled within ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

// ---- the classifier alone ---------------------------------------------------------------------------

async function classifierThroughput() {
  const loadStart = Date.now();
  const classifier = await loadNsfwjsClassifier();
  const loadMs = Date.now() - loadStart;
  const file = `${fs.mkdtempSync("/tmp/bench-screening-")}/frame.png`;
  execFileSync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=640x360", "-frames:v", "1", file]);
  const data = new Uint8Array(await sharp(file).resize(224, 224, { fit: "fill" }).removeAlpha().raw().toBuffer());
  const image = { data, width: 224, height: 224 };
  await classifier.classify(image); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const each: number[] = [];
  for (let i = 0; i < CLASSIFY_FRAMES; i++) {
    const t = performance.now();
    await classifier.classify(image);
    each.push(performance.now() - t);
  }
  const wall = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { loadMs, framesPerSecond: CLASSIFY_FRAMES / wall, cpuMsPerFrame: (cpu.user + cpu.system) / 1000 / CLASSIFY_FRAMES, p50: percentile(each, 50) };
}

// ---- where a sample's capture cost goes: three ways of taking frames ---------------------------------

/**
 * With the app's screening paused, this process samples every show's room once per interval in
 * each capture mode (bench/screening/capture-modes.ts) for a window, beside a window of no
 * sampling: CPU of this process (rtc-node decodes here), of the app (webhooks of joining
 * participants) and of LiveKit, per sample.
 */
async function captureModes(stack: RunningStack, shows: Show[]) {
  const creds = { wsUrl: stack.info.livekit.wsUrl, apiKey: stack.info.livekit.apiKey, apiSecret: stack.info.livekit.apiSecret };
  const window = async (run: (stop: AbortSignal) => Promise<number[]>) => {
    const cpu0 = process.cpuUsage();
    const stop = AbortSignal.timeout(WINDOW_SECONDS * 1000);
    const [measured, delays] = await Promise.all([measure(stack, WINDOW_SECONDS), run(stop)]);
    const cpu = process.cpuUsage(cpu0);
    const wall = (measured.to.getTime() - measured.from.getTime()) / 1000;
    return { bench: ((cpu.user + cpu.system) / 1e6 / wall) * 100, app: measured.appPercent, livekit: measured.livekitPercent, delays };
  };
  const none = await window(async () => []);
  const rows: string[][] = [["capture mode", "this process Δ % core", "app Δ", "LiveKit Δ", "samples", "CPU ms per sample (all three)", "ask → frame p50 / max"]];
  for (const mode of MODES) {
    const samplers = await Promise.all(shows.map((s) => startSampler(mode, creds, `show-${s.roomNumber}`)));
    await sleep(3000);
    const result = await window(async (stop) => {
      const delays: number[] = [];
      await Promise.all(
        samplers.map(async (sampler, i) => {
          await sleep(Math.floor((i * INTERVAL_SECONDS * 1000) / samplers.length));
          while (!stop.aborted) {
            const started = Date.now();
            delays.push(await sampler.sample().catch(() => NaN));
            await sleep(Math.max(0, INTERVAL_SECONDS * 1000 - (Date.now() - started)));
          }
        }),
      );
      return delays.filter((d) => Number.isFinite(d));
    });
    await Promise.all(samplers.map((s) => s.close()));
    const d = { bench: result.bench - none.bench, app: result.app - none.app, livekit: result.livekit - none.livekit };
    const perSampleMs = ((d.bench + d.app + d.livekit) / 100) * WINDOW_SECONDS * 1000 / Math.max(1, result.delays.length);
    rows.push([
      mode,
      d.bench.toFixed(1),
      d.app.toFixed(1),
      d.livekit.toFixed(1),
      String(result.delays.length),
      perSampleMs.toFixed(0),
      `${percentile(result.delays, 50).toFixed(0)} / ${percentile(result.delays, 100).toFixed(0)} ms`,
    ]);
    console.log(table(rows.slice(0, 1).concat(rows.slice(-1))));
    await sleep(5000);
  }
  console.log(`no sampling (baseline of the rows above): this process ${none.bench.toFixed(1)} %, app ${none.app.toFixed(1)} %, LiveKit ${none.livekit.toFixed(1)} %`);
  return rows;
}

// ---- the run ---------------------------------------------------------------------------------------

async function classifierLine(): Promise<void> {
  const throughput = await classifierThroughput();
  console.log(
    `classifier (nsfwjs MobileNetV2, tfjs wasm, in this process): loaded in ${throughput.loadMs} ms; ` +
      `${throughput.framesPerSecond.toFixed(1)} frames/s, p50 ${throughput.p50.toFixed(0)} ms, ${throughput.cpuMsPerFrame.toFixed(0)} ms CPU per frame`,
  );
}

async function bench(stack: RunningStack): Promise<void> {
  const db = new Client({ connectionString: stack.info.databaseUrl });
  const shows: Show[] = [];
  try {
    await db.connect();
    const rooms = new RoomServiceClient(stack.info.livekit.httpUrl, stack.info.livekit.apiKey, stack.info.livekit.apiSecret);
    await sleep(10_000); // let the freshly started app settle
    const idle = await measure(stack, WINDOW_SECONDS);
    console.log(`app idle (no show): app ${idle.appPercent.toFixed(1)} % of a core, LiveKit ${idle.livekitPercent.toFixed(1)} %`);

    const rows: string[][] = [["shows", "paused: app % core", "screening: app % core", "Δ per show", "screening − idle", "LiveKit Δ", "samples", "capture→classified p50 / p95 / max", "goal"]];
    for (const count of SHOW_COUNTS) {
      await setInterval(db, PAUSED_SECONDS);
      while (shows.length < count) shows.push(await startShow(stack, db, rooms, shows.length));
      await sleep(INTERVAL_SECONDS * 1000); // the loop's current wait ends; the next round is an hour away
      const paused = await measure(stack, WINDOW_SECONDS);

      const since = new Date();
      await setInterval(db, INTERVAL_SECONDS);
      await waitForSamples(db, shows, since, 180_000);
      const screening = await measure(stack, WINDOW_SECONDS);
      const samples = await samplesBetween(db, screening.from, screening.to);
      const latency = samples.map((s) => s.classifiedAt.getTime() - s.capturedAt.getTime());
      const total = screening.appPercent - paused.appPercent;
      // An upper bound: the shows' own cost (webhooks, the room list) and capture connections
      // held while paused (they stay subscribed, forwarding paused) are in it, not in `total`.
      const overIdle = screening.appPercent - idle.appPercent;
      const met = (count < 10 || (total < GOAL_CPU_PERCENT && overIdle < GOAL_CPU_PERCENT)) && percentile(latency, 100) <= GOAL_LATENCY_MS;
      rows.push([
        String(count),
        paused.appPercent.toFixed(1),
        screening.appPercent.toFixed(1),
        (total / count).toFixed(2),
        overIdle.toFixed(1),
        (screening.livekitPercent - paused.livekitPercent).toFixed(1),
        `${samples.length} (expected ${Math.round((count * WINDOW_SECONDS) / INTERVAL_SECONDS)})`,
        `${percentile(latency, 50)} / ${percentile(latency, 95)} / ${percentile(latency, 100)} ms`,
        met ? "met" : "MISSED",
      ]);
      console.log(table(rows.slice(0, 1).concat(rows.slice(-1))));
    }
    if (MODES.length > 0) {
      await setInterval(db, PAUSED_SECONDS);
      await sleep(INTERVAL_SECONDS * 1000);
      const modes = await captureModes(stack, shows);
      console.log(`\ncapture modes, ${shows.length} shows, one sample per show per ${INTERVAL_SECONDS} s, windows of ${WINDOW_SECONDS} s (load: ${loadLine()})`);
      console.log(table(modes));
    }
    console.log(`\nscreening at a ${INTERVAL_SECONDS} s interval, windows of ${WINDOW_SECONDS} s; goal: 10 shows < ${GOAL_CPU_PERCENT} % of one core, every frame classified ≤ ${GOAL_LATENCY_MS} ms after capture`);
    console.log(table(rows));
    console.log(loadLine());
  } finally {
    await Promise.all(shows.map((s) => s.publisher.stop()));
    await db.end().catch(() => undefined);
  }
}

runBench("screening", async () => {
  await classifierLine();
  await withStack("screening", { SUIXIN_RECONCILE_SECONDS: "15", SUIXIN_SETTINGS: JSON.stringify({ screeningIntervalSeconds: INTERVAL_SECONDS }) }, bench);
});
