// One of bench:chat's subscriber processes: joins its share of the headless subscribers
// (@livekit/rtc-node) to the show's room, records when each bench message arrives, and hands
// the receipts to the parent over IPC when asked (see protocol.ts).
//
// Why a process holds only a share: every Room of the SDK listens to every event of its process
// (and takes a lock per event), and each data message is one event per room, so one process
// with n rooms does O(n²) work per message; with 100 rooms it starved its own callbacks until
// the SDK dropped rooms while they connected.
import { monitorEventLoopDelay } from "node:perf_hooks";

import { Room, RoomEvent, dispose } from "@livekit/rtc-node";
import { z } from "zod";

import { ROOM_TOPIC } from "../../lib/events/schema";
import { RAW_TOPIC, fromSubscribers, now, toSubscribers } from "./protocol";
import type { FromSubscribers } from "./protocol";

// Joins at once within this process (the processes join side by side).
const JOIN_BATCH = 2;
const JOIN_ATTEMPTS = 3;

// Only what the bench reads of the app's chat event (the app's schema is in lib/chat/events.ts).
const chatEvent = z.object({ type: z.literal("chat"), message: z.object({ text: z.string() }) });

type Subscriber = { index: number; room: Room; raw: [number, number][]; app: [number, number][]; disconnects: number };

const decoder = new TextDecoder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorText = (error: unknown) => (error instanceof Error ? error.message.slice(0, 120) : String(error));

/** Resolves once the message is handed to the channel (so exiting after it does not lose it). */
function send(message: FromSubscribers): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(fromSubscribers.parse(message), undefined, {}, () => resolve());
  });
}

async function connect(wsUrl: string, index: number, token: string): Promise<Subscriber> {
  const room = new Room();
  const subscriber: Subscriber = { index, room, raw: [], app: [], disconnects: 0 };
  room.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
    const at = now();
    if (topic === RAW_TOPIC) {
      subscriber.raw.push([Number(decoder.decode(payload).split(":", 1)[0]), at]);
    } else if (topic === ROOM_TOPIC) {
      // One event or a batch of them (lib/events/schema: the server batches a busy room's events).
      for (const item of [JSON.parse(decoder.decode(payload))].flat()) {
        const event = chatEvent.safeParse(item);
        const text = event.success ? event.data.message.text : undefined;
        if (text?.startsWith("bench ")) subscriber.app.push([Number(text.slice(6).split(" ", 1)[0]), at]);
      }
    }
  });
  room.on(RoomEvent.Disconnected, () => {
    subscriber.disconnects += 1;
  });
  try {
    await room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
  } catch (error) {
    await room.disconnect().catch(() => undefined);
    throw error;
  }
  return subscriber;
}

/** Tried up to three times: on a loaded machine a connect can time out, which says nothing about the app. */
async function join(wsUrl: string, index: number, token: string): Promise<Subscriber> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect(wsUrl, index, token);
    } catch (error) {
      if (attempt >= JOIN_ATTEMPTS) throw error;
      void send({ type: "retry", index, reason: errorText(error) });
      await sleep(1_000);
    }
  }
}

const subscribers: Subscriber[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });

async function handle(message: z.infer<typeof toSubscribers>): Promise<void> {
  switch (message.type) {
    case "join": {
      const todo = [...message.subscribers];
      while (todo.length) {
        const batch = todo.splice(0, JOIN_BATCH);
        await Promise.all(
          batch.map(async ({ index, token }) => {
            subscribers.push(await join(message.wsUrl, index, token));
            void send({ type: "joined", index });
          }),
        );
      }
      loopDelay.enable();
      await send({ type: "ready", at: now() });
      return;
    }
    case "collect":
      loopDelay.disable();
      await send({
        type: "receipts",
        subscribers: subscribers.map(({ index, raw, app, disconnects }) => ({ index, raw, app, disconnects })),
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
        loopDelayMaxMs: loopDelay.max / 1e6,
      });
      return;
    case "leave":
      await Promise.all(subscribers.map((s) => s.room.disconnect().catch(() => undefined)));
      await dispose().catch(() => undefined);
      process.exit(0);
  }
}

function fail(error: unknown): void {
  void send({ type: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) }).then(() => process.exit(1));
}

// The SDK can throw from its own callbacks under load ("trying to drop an invalid handle").
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
process.on("message", (raw) => {
  handle(toSubscribers.parse(raw)).catch(fail);
});
// The parent is gone (it failed or was stopped): nothing to report to.
process.on("disconnect", () => process.exit(0));
