// Chat fan-out: one live show, SUBSCRIBERS headless LiveKit clients (LiveKit's Go SDK in one
// process, go-subscribers/main.go; or BENCH_SUBSCRIBER_SDK=node: @livekit/rtc-node, spread over
// child processes, subscriber-process.ts) in the room, SENDERS users
// (each within the real chat limit) posting 100 chat messages a second through the real server
// action, spread over both app instances, for 30 s. Per message: send → receive latency at every subscriber, and what each one
// lost. Baseline in the same run: raw LiveKit data messages (RoomServiceClient.sendData from
// this process, no app in the path) at the same rate to the same subscribers, in alternating
// 15 s blocks so load from elsewhere on this shared machine hits both alike. Send times are
// taken here, receive times in the subscriber processes, on one clock (protocol.ts `now`).
//
//   npm run bench:chat        (starts and stops its own stack; see bench/README.md)
import { fork, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { performance } from "node:perf_hooks";
import readline from "node:readline";

import type { Browser } from "@playwright/test";
import { AccessToken, DataPacket_Kind, RoomServiceClient } from "livekit-server-sdk";
import { z } from "zod";

import { actionAnswer, actionId, chatActions } from "../../e2e/support/actions";
import { goLive } from "../../e2e/support/studio";
import { newUser, register } from "../../e2e/support/users";
import { roomNameFor } from "../../lib/shows/room-name";
import type { StackInfo } from "../../scripts/stack/stack-file";
import { runAppCodeAgainst } from "../support/app-env";
import { newContext } from "../support/browser";
import { loginCookie } from "../support/login";
import { runBench, withBrowser, withStack } from "../support/run";
import { loadLine, percentile, table } from "../support/stats";
import { cpuBetween, pidListeningOn, processTree, sampleCpu, setNice } from "../support/cpu";
import type { Part } from "../support/cpu";
import { buildGoSubscribers } from "./go-subscribers";
import { RAW_TOPIC, fromSubscribers, now } from "./protocol";
import type { FromSubscribers, ToSubscribers } from "./protocol";
import { measureSteps } from "./steps";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100);
// Which SDK the subscribers run on: Go (default: one process holds them all) or Node, whose
// harness costs more than a core at this rate (see go-subscribers/main.go): kept to compare.
const SDK = z.enum(["go", "node"]).parse(process.env.BENCH_SUBSCRIBER_SDK ?? "go");
// Subscribers per child process (Node: see subscriber-process.ts for why not all in one).
const PER_PROCESS = Number(process.env.BENCH_SUBSCRIBERS_PER_PROCESS ?? (SDK === "go" ? SUBSCRIBERS : 20));
const RATE_PER_S = 100;
const BLOCK_S = 15;
const BLOCKS_EACH = 2; // 2 × 15 s = 30 s per path
// App path: messages go out round-robin from this many logged-in users, so each sends one every
// SENDERS / RATE_PER_S s (1.2 s: at most 9 in any 10 s) under the real chat limit, 10 per 10 s.
const SENDERS = Number(process.env.BENCH_SENDERS ?? 120);
const APP_INSTANCES = 2; // as the test profile runs; each sender talks to one, as behind a load balancer
const PASSWORD = "bench-chat-password-1";
const DRAIN_MS = 3_000; // after a block, late messages still count (and show as latency)
const GOAL_P99_MS = 250;
const LEAVE_TIMEOUT_MS = 20_000;
// The host's studio page runs on the VJ's own machine, not on the server's cores, and what it
// does with a storm is bench:vj's subject. Here it goes live and leaves: the show stays live for
// the host's grace (raised to 30 min below), and its chat is the same. BENCH_HOST_STAYS=1 keeps
// the page open during the blocks, at nice BENCH_HOST_NICE (default 19: the lowest priority; at
// 100 msg/s it still took 0.3–0.4 of a core).
const HOST_STAYS = process.env.BENCH_HOST_STAYS === "1";
const HOST_NICE = Number(process.env.BENCH_HOST_NICE ?? 19);
const HOST_GRACE_S = 1800;

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

/** How the parent talks to a subscriber process: the child, and its messages in both directions. */
type Channel = { child: ChildProcess; send(message: ToSubscribers): void; onMessage(handler: (raw: unknown) => void): void; open(): boolean };

/** A Node subscriber process, over Node's IPC channel. */
function nodeChannel(): Channel {
  // The parent's execArgv (tsx's loader) is inherited, so the child runs TypeScript too.
  // NODE_ENV=production: the SDK logs at debug level otherwise.
  const child = fork(path.join(__dirname, "subscriber-process.ts"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  return { child, send: (m) => child.send(m), onMessage: (h) => child.on("message", h), open: () => child.connected };
}

/** The Go subscriber program, over JSON lines on its stdin and stdout. */
function goChannel(binary: string): Channel {
  const child = spawn(binary, [], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = readline.createInterface({ input: child.stdout!, crlfDelay: Infinity });
  return {
    child,
    send: (m) => void child.stdin!.write(`${JSON.stringify(m)}\n`),
    onMessage: (h) => lines.on("line", (line) => h(JSON.parse(line))),
    open: () => child.stdin!.writable,
  };
}

/** One subscriber process, driven over its channel (messages parsed with protocol.ts). */
class SubscriberProcess {
  private readonly child: ChildProcess;
  private readonly channel: Channel;
  private onReady?: (clockGapMs: number) => void;
  private onReceipts?: (receipts: Receipts) => void;
  /** Rejects when the process reports a failure or exits before it was told to leave. */
  readonly failed: Promise<never>;
  private leaving = false;

  constructor(
    readonly id: number,
    channel: Channel,
    onJoined: () => void,
  ) {
    this.channel = channel;
    this.child = channel.child;
    this.failed = new Promise<never>((_, reject) => {
      channel.onMessage((raw) => {
        const message = fromSubscribers.parse(raw);
        switch (message.type) {
          case "joined":
            return onJoined();
          case "retry":
            return void process.stdout.write(`\nsubscriber ${message.index}: connect failed (${message.reason}), retrying\n`);
          case "ready":
            return this.onReady?.(now() - message.at);
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
    this.channel.send(message);
  }

  /** Resolves once all its subscribers are in, with how far its clock is behind this one's (see protocol.ts). */
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
    if (this.channel.open()) this.send({ type: "leave" });
    if (!(await Promise.race([exited.then(() => true), sleep(LEAVE_TIMEOUT_MS).then(() => false)]))) {
      this.child.kill("SIGKILL");
      await exited;
    }
  }
}

/**
 * Joins SUBSCRIBERS headless clients (no media subscriptions: data only) spread over child
 * processes of PER_PROCESS each, one process after the other (side by side, under a load average
 * of 25–50, the SDK dropped rooms while they connected and then threw "trying to drop an invalid
 * handle"). Returns the largest difference between a child's clock and this process's, in ms.
 */
async function joinSubscribers(info: StackInfo, roomName: string, pool: SubscriberProcess[]): Promise<number> {
  const gaps: number[] = [];
  for (const p of pool) {
    const indexes = Array.from({ length: Math.min(PER_PROCESS, SUBSCRIBERS - p.id * PER_PROCESS) }, (_, k) => p.id * PER_PROCESS + k);
    const subscribers = await Promise.all(indexes.map(async (index) => ({ index, token: await subscriberToken(info, roomName, index) })));
    gaps.push(await p.join(info.livekit.wsUrl, subscribers));
  }
  process.stdout.write("\n");
  return Math.max(...gaps.map(Math.abs));
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

type Block = { path: Path; sentAt: Map<number, number>; ok: Set<number>; failures: Map<string, number>; roundTrips: number[]; load: number };

/** Sends RATE_PER_S messages a second for BLOCK_S seconds, one every 10 ms, without waiting for answers. */
async function runBlock(path: Path, firstSeq: number, send: (seq: number) => Promise<string | null>): Promise<Block> {
  const block: Block = { path, sentAt: new Map(), ok: new Set(), failures: new Map(), roundTrips: [], load: os.loadavg()[0] ?? Number.NaN };
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
  const receivedPerSubscriber: number[] = [];
  const lostPerSubscriber: number[] = [];
  let answered = 0;
  let sent = 0;
  const failures = new Map<string, number>();
  for (const b of mine) {
    sent += b.sentAt.size;
    answered += b.ok.size;
    for (const [k, v] of b.failures) failures.set(k, (failures.get(k) ?? 0) + v);
  }
  for (const s of subscribers) {
    const got = s.received.get(path)!;
    let lost = 0;
    let received = 0;
    for (const b of mine) {
      for (const seq of b.ok) {
        const at = got.get(seq);
        if (at === undefined) lost += 1;
        else {
          received += 1;
          latencies.push(at - b.sentAt.get(seq)!);
        }
      }
    }
    receivedPerSubscriber.push(received);
    lostPerSubscriber.push(lost);
  }
  const roundTrips = mine.flatMap((b) => b.roundTrips);
  return {
    path,
    sent,
    answered,
    failures,
    receivedMin: receivedPerSubscriber.length ? Math.min(...receivedPerSubscriber) : 0,
    receivedAvg: receivedPerSubscriber.reduce((a, b) => a + b, 0) / Math.max(1, receivedPerSubscriber.length),
    lost: lostPerSubscriber.reduce((a, b) => a + b, 0),
    subscribersWithLoss: lostPerSubscriber.filter((n) => n > 0).length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies.reduce((a, b) => Math.max(a, b)) : Number.NaN,
    sendP50: percentile(roundTrips, 50),
    sendP99: percentile(roundTrips, 99),
    load: mine.map((b) => b.load.toFixed(1)).join(", "),
  };
}

/**
 * SENDERS users with a password, each logged in (a real session cookie) at one app instance.
 * Inserted straight into Postgres: registering 120 through the UI would take minutes here.
 */
async function makeSenders(info: StackInfo): Promise<{ appUrl: string; cookie: string }[]> {
  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const passwordHash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: SENDERS }, (_, i) => `bench-chat-sender-${i}@example.test`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Sender ${i}`, passwordHash })) });
  const senders: { appUrl: string; cookie: string }[] = [];
  for (let i = 0; i < SENDERS; i += 10) {
    const batch = emails.slice(i, i + 10).map(async (email, k) => {
      const appUrl = info.appUrls[(i + k) % info.appUrls.length]!;
      return { appUrl, cookie: await loginCookie(appUrl, email, PASSWORD) };
    });
    senders.push(...(await Promise.all(batch)));
  }
  return senders;
}

async function bench(browser: Browser, info: StackInfo, pool: SubscriberProcess[]): Promise<void> {
  // A host goes live through the studio, as in the e2e tests, and stays live throughout.
  const hostContext = await newContext(browser, info.appUrl);
  const hostPage = await hostContext.newPage();
  await register(hostPage, newUser("Host"));
  const roomNumber = await goLive(hostPage, "Chat fan-out bench");
  const roomName = roomNameFor(roomNumber);

  // Senders: logged-in users; their messages go through the server action exactly as the chat
  // form sends them (Next-Action header, their session cookies), from this process with fetch,
  // like the raw path's sendData.
  const senders = await makeSenders(info);
  process.stdout.write(`${senders.length} senders logged in at ${info.appUrls.join(" and ")}\n`);
  const sendActionId = actionId(chatActions, "sendChatAction");

  const rooms = new RoomServiceClient(info.livekit.httpUrl, info.livekit.apiKey, info.livekit.apiSecret);
  const filler = "x".repeat(40); // about the size of a chat event's text

  const sendRaw = async (seq: number): Promise<string | null> => {
    // The same size as a chat event on the wire, so both paths carry alike.
    const payload = new TextEncoder().encode(`${seq}:${JSON.stringify({ type: "chat", message: { id: seq, text: `bench ${seq} ${filler}`, sentAt: new Date().toISOString(), user: { id: "c".repeat(25), name: "Sender 0 abcdefghij" }, badge: null } })}`);
    await rooms.sendData(roomName, payload, DataPacket_Kind.RELIABLE, { topic: RAW_TOPIC });
    return null;
  };
  const sendAs = async (sender: { appUrl: string; cookie: string }, text: string): Promise<string | null> => {
    const response = await fetch(`${sender.appUrl}/shows/${roomNumber}`, {
      method: "POST",
      headers: { "next-action": sendActionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: sender.appUrl, cookie: sender.cookie },
      body: JSON.stringify([{ roomNumber, text }]),
    });
    const result = actionAnswer(await response.text());
    return result.ok ? null : result.error.code;
  };
  const sendApp = (seq: number) => sendAs(senders[seq % senders.length]!, `bench ${seq} ${filler}`);

  // Warm-up (not counted): a few of each, so connections and code paths are hot (senders 0–19
  // once each; the raw block that comes first gives their limits time to refill).
  for (let i = 0; i < 20; i++) await Promise.all([sendRaw(1_000_000 + i), sendApp(1_000_000 + i)]);
  // Where a send's time goes, one step at a time (senders 20… once each for the action).
  let stepSender = 20;
  await measureSteps({
    appUrl: info.appUrl,
    roomNumber,
    cookie: senders[0]!.cookie,
    sendAction: (text) => sendAs(senders[stepSender++ % senders.length]!, text),
  });
  process.stdout.write(`${loadLine()}\n\n`);

  const clockSkew = await joinSubscribers(info, roomName, pool);
  process.stdout.write(`${SUBSCRIBERS} subscribers (${SDK} SDK) in ${pool.length} process(es); their clocks agree with this one's within ${clockSkew.toFixed(3)} ms (the pipe's delay included)\n`);
  await sleep(1_000);

  const pids = (ports: (number | null)[]) => ports.flatMap((port) => (port === null ? [] : (pidListeningOn(port) ?? [])));
  const subscriberPids = pool.flatMap((p) => p.pid ?? []);
  // The host's Chromium: this process's children but for the stack and the subscribers.
  const browserPids = processTree(process.pid, [info.supervisorPid, ...subscriberPids]).filter(
    (pid) => pid !== process.pid && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("chromium"),
  );
  if (HOST_STAYS) {
    setNice(browserPids, HOST_NICE);
    process.stdout.write(`the host's studio stays open; its Chromium (${browserPids.length} processes) at nice ${HOST_NICE}\n`);
  } else {
    await hostContext.close();
    process.stdout.write(`the host went live and left (the show stays live for its ${HOST_GRACE_S} s grace)\n`);
  }
  const parts: Part[] = [
    { name: "app (both instances)", roots: pids(info.appUrls.map((u) => Number(new URL(u).port))) },
    { name: "livekit", roots: pids([info.ports.livekitHttp]) },
    { name: "postgres", roots: pids([info.ports.postgres]) },
    { name: "redis", roots: pids([info.ports.redis]) },
    { name: "subscribers", roots: subscriberPids },
    ...(HOST_STAYS ? [{ name: "host browser", roots: browserPids }] : []),
    // this process (the senders, the raw path) and Playwright's driver (the stack's supervisor is ours too)
    { name: "bench", roots: [process.pid], exclude: [info.supervisorPid, ...subscriberPids, ...browserPids] },
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
      process.stdout.write(`  ${cpuBetween(before, after, parts)}; ${loadLine()}\n`);
    }
  }

  const { subscribers, loopDelayP99Ms, loopDelayMaxMs } = await collect(pool);
  const raw = report("raw", blocks, subscribers);
  const app = report("app", blocks, subscribers);
  const row = (name: string, r: ReturnType<typeof report>) => [
    name,
    String(r.sent),
    String(r.answered),
    `${r.receivedMin} / ${r.receivedAvg.toFixed(1)}`,
    String(r.lost),
    `${r.subscribersWithLoss}/${subscribers.length}`,
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    ms(r.max),
    `${ms(r.sendP50)} / ${ms(r.sendP99)}`,
    r.load,
  ];
  process.stdout.write(
    `\nChat fan-out: ${subscribers.length} subscribers (${SDK} SDK), ${RATE_PER_S} msg/s, ${BLOCK_S * BLOCKS_EACH} s per path (send → receive at each subscriber)\n`,
  );
  process.stdout.write(
    `${table([
      ["path", "sent", "answered", "received per sub min / avg", "lost", "subs with loss", "p50", "p95", "p99", "max", "send call p50 / p99", "load at blocks' start"],
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

  if (HOST_STAYS) await hostContext.close();
}

// The real chat limit (10 per 10 s per user): SENDERS users share the rate. Only the logins from
// one address are raised (setup, not measured). Two app instances, as the test profile runs.
// Production presence timings (as for bench:join) but the host's grace (see HOST_STAYS).
const CHAT_SETTINGS = {
  SUIXIN_APP_INSTANCES: String(APP_INSTANCES),
  SUIXIN_RECONCILE_SECONDS: "15",
  SUIXIN_SETTINGS: JSON.stringify({ hostGraceSeconds: HOST_GRACE_S }),
  SUIXIN_RATE_LIMITS: JSON.stringify({ "login.ip": { points: 100_000 } }),
};

runBench("chat", () => {
  const goBinary = SDK === "go" ? buildGoSubscribers() : null; // before the stack, so its build is not in the figures
  return withStack("chat-fanout", CHAT_SETTINGS, async (stack) => {
    // The lib code runs in this process too (senders' rows, the step timings): the stack's
    // services; this process's own limits (not the app's) let the in-process steps repeat.
    runAppCodeAgainst(stack.info, { SUIXIN_RATE_LIMITS: JSON.stringify({ "chat.send": { points: 1_000_000 } }) });
    await withBrowser(async (browser) => {
      let joined = 0;
      const onJoined = () => process.stdout.write(`\r${++joined}/${SUBSCRIBERS} subscribers connected`);
      const channel = () => (goBinary ? goChannel(goBinary) : nodeChannel());
      const pool = Array.from({ length: Math.ceil(SUBSCRIBERS / PER_PROCESS) }, (_, id) => new SubscriberProcess(id, channel(), onJoined));
      try {
        // A subscriber process that fails (the SDK can throw from its own callbacks under load)
        // fails the run, and the stack is stopped rather than left behind.
        await Promise.race([bench(browser, stack.info, pool), ...pool.map((p) => p.failed)]);
      } finally {
        await Promise.all(pool.map((p) => p.leave()));
      }
    });
  });
});
