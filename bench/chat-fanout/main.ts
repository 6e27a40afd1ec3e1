// Chat fan-out: one live show, SUBSCRIBERS headless LiveKit clients (@livekit/rtc-node, the
// Rust SDK; spread over child processes, see subscriber-process.ts) in the room, senders posting 100 chat messages a second through the real server
// action for 30 s. Per message: send → receive latency at every subscriber, and what each one
// lost. Baseline in the same run: raw LiveKit data messages (RoomServiceClient.sendData from
// this process, no app in the path) at the same rate to the same subscribers, in alternating
// 15 s blocks so load from elsewhere on this shared machine hits both alike. Send times are
// taken here, receive times in the subscriber processes, on one clock (protocol.ts `now`).
//
//   npm run bench:chat        (starts and stops its own stack; see bench/README.md)
import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";

import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { AccessToken, DataPacket_Kind, RoomServiceClient } from "livekit-server-sdk";

import { callAction, chatActions } from "../../e2e/support/actions";
import { goLive } from "../../e2e/support/studio";
import { newUser, register } from "../../e2e/support/users";
import { roomNameFor } from "../../lib/shows/room-name";
import type { StackInfo } from "../../scripts/stack/stack-file";
import { launchBrowser, newContext } from "../support/browser";
import { startStack } from "../support/stack";
import type { RunningStack } from "../support/stack";
import { loadLine, percentile, table } from "../support/stats";
import { cpuBetween, pidListeningOn, sampleCpu } from "./cpu";
import type { Part } from "./cpu";
import { RAW_TOPIC, fromSubscribers, now } from "./protocol";
import type { FromSubscribers, ToSubscribers } from "./protocol";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100);
// Subscribers per child process (see subscriber-process.ts for why not all in one).
const PER_PROCESS = Number(process.env.BENCH_SUBSCRIBERS_PER_PROCESS ?? 20);
const RATE_PER_S = 100;
const BLOCK_S = 15;
const BLOCKS_EACH = 2; // 2 × 15 s = 30 s per path
const SENDERS = 10; // app path: messages go out round-robin from this many logged-in users
const DRAIN_MS = 3_000; // after a block, late messages still count (and show as latency)
const GOAL_P99_MS = 250;
const LEAVE_TIMEOUT_MS = 20_000;

type Path = "raw" | "app";
type Subscriber = { index: number; received: Map<Path, Map<number, number>>; duplicates: number; disconnects: number };
type Receipts = Extract<FromSubscribers, { type: "receipts" }>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "–");

async function subscriberToken(info: StackInfo, roomName: string, i: number): Promise<string> {
  const token = new AccessToken(info.livekit.apiKey, info.livekit.apiSecret, { identity: `bench-subscriber-${i}`, ttl: 3600 });
  token.addGrant({ room: roomName, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false });
  return token.toJwt();
}

/** One subscriber process, driven over its IPC channel (messages parsed with protocol.ts). */
class SubscriberProcess {
  private readonly child: ChildProcess;
  private onReady?: (clockOffset: number) => void;
  private onReceipts?: (receipts: Receipts) => void;
  /** Rejects when the process reports a failure or exits before it was told to leave. */
  readonly failed: Promise<never>;
  private leaving = false;

  constructor(
    readonly id: number,
    onJoined: () => void,
  ) {
    // The parent's execArgv (tsx's loader) is inherited, so the child runs TypeScript too.
    // NODE_ENV=production: the SDK logs at debug level otherwise.
    this.child = fork(path.join(__dirname, "subscriber-process.ts"), [], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    this.failed = new Promise<never>((_, reject) => {
      this.child.on("message", (raw) => {
        const message = fromSubscribers.parse(raw);
        switch (message.type) {
          case "joined":
            return onJoined();
          case "retry":
            return void process.stdout.write(`\nsubscriber ${message.index}: connect failed (${message.reason}), retrying\n`);
          case "ready":
            return this.onReady?.(message.clockOffset);
          case "receipts":
            return this.onReceipts?.(message);
          case "failed":
            return reject(new Error(`subscriber process ${id}: ${message.error}`));
        }
      });
      this.child.on("exit", (code, signal) => {
        if (!this.leaving) reject(new Error(`subscriber process ${id} exited (${signal ?? code}) before it was done`));
      });
    });
    this.failed.catch(() => undefined); // observed through Promise.race by the bench
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private send(message: ToSubscribers): void {
    this.child.send(message);
  }

  /** Resolves with the process's clock offset (see protocol.ts) once all its subscribers are in. */
  join(wsUrl: string, subscribers: { index: number; token: string }[]): Promise<number> {
    const ready = new Promise<number>((resolve) => (this.onReady = resolve));
    this.send({ type: "join", wsUrl, subscribers });
    return ready;
  }

  collect(): Promise<Receipts> {
    const receipts = new Promise<Receipts>((resolve) => (this.onReceipts = resolve));
    this.send({ type: "collect" });
    return receipts;
  }

  /** Disconnects its rooms and exits; killed if it has not after LEAVE_TIMEOUT_MS. */
  async leave(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.leaving = true;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    if (this.child.connected) this.send({ type: "leave" });
    if (!(await Promise.race([exited.then(() => true), sleep(LEAVE_TIMEOUT_MS).then(() => false)]))) {
      this.child.kill("SIGKILL");
      await exited;
    }
  }
}

/**
 * Joins SUBSCRIBERS headless clients (no media subscriptions: data only) spread over child
 * processes of PER_PROCESS each, the processes joining side by side. Returns the largest
 * difference between a child's clock and this process's, in ms.
 */
async function joinSubscribers(info: StackInfo, roomName: string, pool: SubscriberProcess[]): Promise<number> {
  const ownOffset = now() - Date.now();
  const offsets = await Promise.all(
    pool.map(async (p) => {
      const indexes = Array.from({ length: Math.min(PER_PROCESS, SUBSCRIBERS - p.id * PER_PROCESS) }, (_, k) => p.id * PER_PROCESS + k);
      const subscribers = await Promise.all(indexes.map(async (index) => ({ index, token: await subscriberToken(info, roomName, index) })));
      return p.join(info.livekit.wsUrl, subscribers);
    }),
  );
  process.stdout.write("\n");
  return Math.max(...offsets.map((o) => Math.abs(o - ownOffset)));
}

/** Every subscriber's receipts, first arrival per message kept, and the processes' loop delay. */
async function collect(pool: SubscriberProcess[]) {
  const all = await Promise.all(pool.map((p) => p.collect()));
  const subscribers: Subscriber[] = all.flatMap((r) =>
    r.subscribers.map((s) => {
      let duplicates = 0;
      const received = new Map<Path, Map<number, number>>();
      for (const path of ["raw", "app"] as const) {
        const got = new Map<number, number>();
        for (const [seq, at] of s[path]) {
          if (got.has(seq)) duplicates += 1;
          else got.set(seq, at);
        }
        received.set(path, got);
      }
      return { index: s.index, received, duplicates, disconnects: s.disconnects };
    }),
  );
  return {
    subscribers,
    loopDelayP99Ms: Math.max(...all.map((r) => r.loopDelayP99Ms)),
    loopDelayMaxMs: Math.max(...all.map((r) => r.loopDelayMaxMs)),
  };
}

/** Failures by their first line (Playwright's errors carry a call log after it). */
function failureSummary(failures: Map<string, number>): Map<string, number> {
  const summary = new Map<string, number>();
  for (const [key, n] of failures) {
    const line = key.split("\n", 1)[0] ?? key;
    summary.set(line, (summary.get(line) ?? 0) + n);
  }
  return summary;
}

type Block = { path: Path; sentAt: Map<number, number>; ok: Set<number>; failures: Map<string, number>; roundTrips: number[] };

/** Sends RATE_PER_S messages a second for BLOCK_S seconds, one every 10 ms, without waiting for answers. */
async function runBlock(path: Path, firstSeq: number, send: (seq: number) => Promise<string | null>): Promise<Block> {
  const block: Block = { path, sentAt: new Map(), ok: new Set(), failures: new Map(), roundTrips: [] };
  const count = RATE_PER_S * BLOCK_S;
  const interval = 1000 / RATE_PER_S;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const seq = firstSeq + i;
    const t0 = now();
    block.sentAt.set(seq, t0);
    pending.push(
      send(seq).then(
        (failure) => {
          block.roundTrips.push(now() - t0);
          if (failure === null) block.ok.add(seq);
          else block.failures.set(failure, (block.failures.get(failure) ?? 0) + 1);
        },
        (error: unknown) => {
          const key = error instanceof Error ? error.message.slice(0, 80) : String(error);
          block.failures.set(key, (block.failures.get(key) ?? 0) + 1);
        },
      ),
    );
  }
  await Promise.all(pending);
  await sleep(DRAIN_MS);
  return block;
}

function report(path: Path, blocks: Block[], subscribers: Subscriber[]) {
  const mine = blocks.filter((b) => b.path === path);
  const latencies: number[] = [];
  const lostPerSubscriber: number[] = [];
  let expected = 0;
  let sent = 0;
  const failures = new Map<string, number>();
  for (const b of mine) {
    sent += b.sentAt.size;
    expected += b.ok.size;
    for (const [k, v] of b.failures) failures.set(k, (failures.get(k) ?? 0) + v);
  }
  for (const s of subscribers) {
    const got = s.received.get(path)!;
    let lost = 0;
    for (const b of mine) {
      for (const seq of b.ok) {
        const at = got.get(seq);
        if (at === undefined) lost += 1;
        else latencies.push(at - b.sentAt.get(seq)!);
      }
    }
    lostPerSubscriber.push(lost);
  }
  const roundTrips = mine.flatMap((b) => b.roundTrips);
  return {
    path,
    sent,
    accepted: expected,
    failures,
    receipts: latencies.length,
    lost: lostPerSubscriber.reduce((a, b) => a + b, 0),
    subscribersWithLoss: lostPerSubscriber.filter((n) => n > 0).length,
    maxLostPerSubscriber: Math.max(0, ...lostPerSubscriber),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies.reduce((a, b) => Math.max(a, b)) : Number.NaN,
    sendP50: percentile(roundTrips, 50),
    sendP99: percentile(roundTrips, 99),
  };
}

async function bench(browser: Browser, info: StackInfo, pool: SubscriberProcess[]): Promise<void> {
  // A host goes live through the studio, as in the e2e tests, and stays live throughout.
  const hostContext = await newContext(browser, info.appUrl);
  const hostPage = await hostContext.newPage();
  await register(hostPage, newUser("Host"));
  const roomNumber = await goLive(hostPage, "Chat fan-out bench");
  const roomName = roomNameFor(roomNumber);

  // Senders: logged-in users (registered through the UI); their messages go through the
  // server action exactly as the chat form sends them, with their session cookies.
  const senderContexts: BrowserContext[] = [];
  for (let i = 0; i < SENDERS; i++) {
    const context = await newContext(browser, info.appUrl);
    const page = await context.newPage();
    await register(page, newUser(`Sender${i}`));
    await page.close();
    senderContexts.push(context);
  }
  const senders: APIRequestContext[] = senderContexts.map((c) => c.request);

  const clockSkew = await joinSubscribers(info, roomName, pool);
  process.stdout.write(`${SUBSCRIBERS} subscribers in ${pool.length} processes; their clocks agree with this one's within ${clockSkew.toFixed(3)} ms\n`);
  const rooms = new RoomServiceClient(info.livekit.httpUrl, info.livekit.apiKey, info.livekit.apiSecret);
  const filler = "x".repeat(40); // about the size of a chat event's text

  const sendRaw = async (seq: number): Promise<string | null> => {
    // The same size as a chat event on the wire, so both paths carry alike.
    const payload = new TextEncoder().encode(`${seq}:${JSON.stringify({ type: "chat", message: { id: seq, text: `bench ${seq} ${filler}`, sentAt: new Date().toISOString(), user: { id: "c".repeat(25), name: "Sender 0 abcdefghij" }, badge: null } })}`);
    await rooms.sendData(roomName, payload, DataPacket_Kind.RELIABLE, { topic: RAW_TOPIC });
    return null;
  };
  const sendApp = async (seq: number): Promise<string | null> => {
    const sender = senders[seq % senders.length]!;
    const result = await callAction(sender, `/shows/${roomNumber}`, chatActions, "sendChatAction", { roomNumber, text: `bench ${seq} ${filler}` });
    return result.ok ? null : result.error.code;
  };

  // Warm-up (not counted): a few of each, so connections and code paths are hot.
  for (let i = 0; i < 20; i++) await Promise.all([sendRaw(1_000_000 + i), sendApp(1_000_000 + i)]);
  await sleep(1_000);

  const pids = (ports: (number | null)[]) => ports.flatMap((port) => (port === null ? [] : (pidListeningOn(port) ?? [])));
  const subscriberPids = pool.flatMap((p) => p.pid ?? []);
  const parts: Part[] = [
    { name: "app", roots: pids([info.ports.app]) },
    { name: "livekit", roots: pids([info.ports.livekitHttp]) },
    { name: "postgres", roots: pids([info.ports.postgres]) },
    { name: "redis", roots: pids([info.ports.redis]) },
    { name: "subscribers", roots: subscriberPids },
    // this process, Playwright's driver and the host's Chromium (the stack's supervisor is ours too)
    { name: "bench + host browser", roots: [process.pid], exclude: [info.supervisorPid, ...subscriberPids] },
  ];

  const blocks: Block[] = [];
  let seq = 0;
  for (let round = 0; round < BLOCKS_EACH; round++) {
    for (const path of ["raw", "app"] as const) {
      process.stdout.write(`block ${blocks.length + 1}/${BLOCKS_EACH * 2}: ${path}, ${RATE_PER_S} msg/s for ${BLOCK_S} s… `);
      const before = sampleCpu();
      const block = await runBlock(path, seq, path === "raw" ? sendRaw : sendApp);
      const after = sampleCpu();
      seq += RATE_PER_S * BLOCK_S;
      blocks.push(block);
      process.stdout.write(`${block.ok.size} sent${block.failures.size ? `, refused: ${JSON.stringify(Object.fromEntries(failureSummary(block.failures)))}` : ""}\n`);
      process.stdout.write(`  ${cpuBetween(before, after, parts)}\n`);
    }
  }

  const { subscribers, loopDelayP99Ms, loopDelayMaxMs } = await collect(pool);
  const raw = report("raw", blocks, subscribers);
  const app = report("app", blocks, subscribers);
  const row = (name: string, r: ReturnType<typeof report>) => [
    name,
    String(r.accepted),
    String(r.receipts),
    String(r.lost),
    `${r.subscribersWithLoss}/${subscribers.length}`,
    ms(r.p50),
    ms(r.p99),
    ms(r.max),
    `${ms(r.sendP50)} / ${ms(r.sendP99)}`,
  ];
  process.stdout.write(
    `\nChat fan-out: ${subscribers.length} subscribers, ${RATE_PER_S} msg/s, ${BLOCK_S * BLOCKS_EACH} s per path (send → receive at each subscriber)\n`,
  );
  process.stdout.write(
    `${table([
      ["path", "messages", "receipts", "lost", "subs with loss", "p50", "p99", "max", "send call p50 / p99"],
      row("app: server action → server broadcast", app),
      row("raw LiveKit data (baseline)", raw),
    ])}\n`,
  );
  if (app.failures.size) process.stdout.write(`app path refusals/errors: ${JSON.stringify(Object.fromEntries(failureSummary(app.failures)))}\n`);
  const duplicates = subscribers.reduce((n, s) => n + s.duplicates, 0);
  const disconnects = subscribers.reduce((n, s) => n + s.disconnects, 0);
  process.stdout.write(`duplicates received: ${duplicates}; subscribers disconnected during the run: ${disconnects}\n`);
  process.stdout.write(`subscriber processes' event-loop delay (worst process): p99 ${ms(loopDelayP99Ms)}, max ${ms(loopDelayMaxMs)}\n`);
  const goals = [
    [`0 lost`, app.lost === 0],
    [`p99 ≤ ${GOAL_P99_MS} ms`, app.p99 <= GOAL_P99_MS],
    [`app p50 ≤ 2 × raw p50 (${ms(2 * raw.p50)})`, app.p50 <= 2 * raw.p50],
  ] as const;
  for (const [goal, met] of goals) process.stdout.write(`goal ${goal}: ${met ? "met" : "MISSED"}\n`);
  process.stdout.write(`${loadLine()}\n`);

  await Promise.all([hostContext, ...senderContexts].map((c) => c.close()));
}

async function main(): Promise<void> {
  process.stdout.write(`before: ${loadLine()}\n`);
  let stack: RunningStack | undefined;
  let browser: Browser | undefined;
  let pool: SubscriberProcess[] = [];
  try {
    // The chat limit is raised for the senders (10 users at 10 msg/s each); everything else in
    // the path (session, show, mute and slow-mode checks, word filter, insert, broadcast) is as
    // in production. Production presence timings, as for bench:join.
    stack = await startStack("chat-fanout", {
      SUIXIN_RECONCILE_SECONDS: "15",
      SUIXIN_SETTINGS: JSON.stringify({ hostGraceSeconds: 60 }),
      SUIXIN_RATE_LIMITS: JSON.stringify({ "register.ip": { points: 100_000 }, "chat.send": { points: 1_000_000 } }),
    });
    process.stdout.write(`stack up: ${stack.info.appUrl}\n`);
    browser = await launchBrowser();
    let joined = 0;
    const onJoined = () => process.stdout.write(`\r${++joined}/${SUBSCRIBERS} subscribers connected`);
    pool = Array.from({ length: Math.ceil(SUBSCRIBERS / PER_PROCESS) }, (_, id) => new SubscriberProcess(id, onJoined));
    // A subscriber process that fails (the SDK can throw from its own callbacks under load) fails
    // the run through `finally`, so the stack is stopped rather than left behind.
    await Promise.race([bench(browser, stack.info, pool), ...pool.map((p) => p.failed)]);
  } finally {
    await Promise.all(pool.map((p) => p.leave()));
    await browser?.close();
    await stack?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:chat failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
