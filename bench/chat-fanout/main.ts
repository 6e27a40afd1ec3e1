// Chat fan-out: one live show, SUBSCRIBERS headless LiveKit clients (@livekit/rtc-node, the
// Rust SDK) in the room, senders posting 100 chat messages a second through the real server
// action for 30 s. Per message: send → receive latency at every subscriber, and what each one
// lost. Baseline in the same run: raw LiveKit data messages (RoomServiceClient.sendData from
// this process, no app in the path) at the same rate to the same subscribers, in alternating
// 15 s blocks so load from elsewhere on this shared machine hits both alike.
//
//   npm run bench:chat        (starts and stops its own stack; see bench/README.md)
import { performance } from "node:perf_hooks";

import { Room, RoomEvent, dispose } from "@livekit/rtc-node";
import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { AccessToken, DataPacket_Kind, RoomServiceClient } from "livekit-server-sdk";
import { z } from "zod";

import { callAction, chatActions } from "../../e2e/support/actions";
import { goLive } from "../../e2e/support/studio";
import { newUser, register } from "../../e2e/support/users";
import { ROOM_TOPIC } from "../../lib/events/schema";
import { roomNameFor } from "../../lib/shows/room-name";
import type { StackInfo } from "../../scripts/stack/stack-file";
import { launchBrowser, newContext } from "../support/browser";
import { startStack } from "../support/stack";
import type { RunningStack } from "../support/stack";
import { loadLine, percentile, table } from "../support/stats";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100);
const RATE_PER_S = 100;
const BLOCK_S = 15;
const BLOCKS_EACH = 2; // 2 × 15 s = 30 s per path
const SENDERS = 10; // app path: messages go out round-robin from this many logged-in users
const DRAIN_MS = 3_000; // after a block, late messages still count (and show as latency)
const RAW_TOPIC = "bench.raw";
const GOAL_P99_MS = 250;

type Path = "raw" | "app";
// Only what the bench reads of the app's chat event (the app's schema is in lib/chat/events.ts).
const chatEvent = z.object({ type: z.literal("chat"), message: z.object({ text: z.string() }) });
type Subscriber = { room: Room; received: Map<Path, Map<number, number>> };

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "–");

async function subscriberToken(info: StackInfo, roomName: string, i: number): Promise<string> {
  const token = new AccessToken(info.livekit.apiKey, info.livekit.apiSecret, { identity: `bench-subscriber-${i}`, ttl: 3600 });
  token.addGrant({ room: roomName, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false });
  return token.toJwt();
}

// Joins at once: every join sends every client in the process a participant event, and on a
// loaded machine ten at a time starved the SDK's callbacks past its connect deadline.
const JOIN_BATCH = 2;

/** Joins SUBSCRIBERS headless clients (no media subscriptions: data only), JOIN_BATCH at a time. */
async function joinSubscribers(info: StackInfo, roomName: string): Promise<Subscriber[]> {
  const decoder = new TextDecoder();
  const subscribers: Subscriber[] = [];
  for (let start = 0; start < SUBSCRIBERS; start += JOIN_BATCH) {
    const batch = Array.from({ length: Math.min(JOIN_BATCH, SUBSCRIBERS - start) }, async (_, k) => {
      subscribers.push(await joinOne(info, roomName, start + k, decoder));
    });
    await Promise.all(batch);
    process.stdout.write(`\r${subscribers.length}/${SUBSCRIBERS} subscribers connected`);
  }
  process.stdout.write("\n");
  return subscribers;
}

/**
 * One subscriber, tried up to three times: on a heavily loaded machine the SDK sometimes drops a
 * room while it is still connecting ("handle not found"), which says nothing about the app.
 */
async function joinOne(info: StackInfo, roomName: string, i: number, decoder: TextDecoder): Promise<Subscriber> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connectSubscriber(info, roomName, i, decoder);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.warn(`subscriber ${i}: connect failed (${error instanceof Error ? error.message.slice(0, 80) : String(error)}), retrying`);
      await sleep(1_000);
    }
  }
}

async function connectSubscriber(info: StackInfo, roomName: string, i: number, decoder: TextDecoder): Promise<Subscriber> {
  const room = new Room();
  const received = new Map<Path, Map<number, number>>([
    ["raw", new Map()],
    ["app", new Map()],
  ]);
  room.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
    const at = now();
    if (topic === RAW_TOPIC) {
      received.get("raw")!.set(Number(decoder.decode(payload).split(":", 1)[0]), at);
    } else if (topic === ROOM_TOPIC) {
      const event = chatEvent.safeParse(JSON.parse(decoder.decode(payload)));
      const text = event.success ? event.data.message.text : undefined;
      if (text?.startsWith("bench ")) received.get("app")!.set(Number(text.slice(6).split(" ", 1)[0]), at);
    }
  });
  try {
    await room.connect(info.livekit.wsUrl, await subscriberToken(info, roomName, i), { autoSubscribe: false, dynacast: false });
  } catch (error) {
    await room.disconnect().catch(() => undefined);
    throw error;
  }
  return { room, received };
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
    max: latencies.length ? Math.max(...latencies) : Number.NaN,
    sendP50: percentile(roundTrips, 50),
    sendP99: percentile(roundTrips, 99),
  };
}

async function bench(browser: Browser, info: StackInfo): Promise<void> {
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

  const subscribers = await joinSubscribers(info, roomName);
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

  const blocks: Block[] = [];
  let seq = 0;
  for (let round = 0; round < BLOCKS_EACH; round++) {
    for (const path of ["raw", "app"] as const) {
      process.stdout.write(`block ${blocks.length + 1}/${BLOCKS_EACH * 2}: ${path}, ${RATE_PER_S} msg/s for ${BLOCK_S} s… `);
      const block = await runBlock(path, seq, path === "raw" ? sendRaw : sendApp);
      seq += RATE_PER_S * BLOCK_S;
      blocks.push(block);
      process.stdout.write(`${block.ok.size} sent${block.failures.size ? `, refused: ${JSON.stringify(Object.fromEntries(block.failures))}` : ""}\n`);
    }
  }

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
  if (app.failures.size) process.stdout.write(`app path refusals/errors: ${JSON.stringify(Object.fromEntries(app.failures))}\n`);
  const goals = [
    [`0 lost`, app.lost === 0],
    [`p99 ≤ ${GOAL_P99_MS} ms`, app.p99 <= GOAL_P99_MS],
    [`app p50 ≤ 2 × raw p50 (${ms(2 * raw.p50)})`, app.p50 <= 2 * raw.p50],
  ] as const;
  for (const [goal, met] of goals) process.stdout.write(`goal ${goal}: ${met ? "met" : "MISSED"}\n`);
  process.stdout.write(`${loadLine()}\n`);

  await Promise.all(subscribers.map((s) => s.room.disconnect().catch(() => undefined)));
  await Promise.all([hostContext, ...senderContexts].map((c) => c.close()));
}

async function main(): Promise<void> {
  process.stdout.write(`before: ${loadLine()}\n`);
  let stack: RunningStack | undefined;
  let browser: Browser | undefined;
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
    // The SDK can throw from its own callbacks under load ("trying to drop an invalid handle"):
    // fail the run through `finally`, so the stack is stopped rather than left behind.
    const crashed = new Promise<never>((_, reject) => process.once("uncaughtException", reject));
    await Promise.race([bench(browser, stack.info), crashed]);
  } finally {
    await browser?.close();
    await stack?.stop();
    await dispose().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:chat failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
