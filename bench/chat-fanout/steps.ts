// Where one chat send's time goes: each step of the server action timed on its own, one call at a
// time (no load of its own), against the bench's stack, from this process (the lib code runs here
// too, as in bench:gifts). Steps the app answers over HTTP are timed with fetch from here:
// `/api/health` (the cheapest dynamic route: Next's fixed cost), `/api/account` (session decode
// and user read), the chat action itself.
import { performance } from "node:perf_hooks";

import { percentile, table } from "../support/stats";

const N = 60;

type Step = { name: string; why: string; run: (i: number) => Promise<unknown> };

async function time(step: Step): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await step.run(-1 - i); // warm
  const samples: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await step.run(i);
    samples.push(performance.now() - t0);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

export type StepTargets = {
  appUrl: string;
  roomNumber: number;
  /** a sender's session cookie (its chat limit is used up by nothing else during this) */
  cookie: string;
  sendAction: (text: string) => Promise<unknown>;
};

/**
 * Prints each step's p50 / p95. The lib steps need the bench process's env to point at the stack
 * (see main.ts); their limits are this process's, not the app's.
 */
export async function measureSteps(targets: StepTargets): Promise<void> {
  const { db } = await import("@/lib/db");
  const { consume } = await import("@/lib/rate-limit");
  const { chatTarget } = await import("@/lib/chat/chat-target");
  const { isMuted } = await import("@/lib/moderation/chat-rules");
  const { sendRoomMessage } = await import("@/lib/livekit/rooms");
  const { roomNameFor } = await import("@/lib/shows/room-name");
  const { sendChatSchema } = await import("@/lib/chat/schema");
  const { sendChatMessage } = await import("@/lib/chat/send-message");

  // The limiter's client refuses commands until connected (no offline queue) and then falls back
  // to its in-memory insurance: time Redis, not that.
  const { redis } = await import("@/lib/redis");
  const client = redis();
  if (client.status !== "ready") await new Promise((resolve) => client.once("ready", resolve));

  const show = await db.show.findUniqueOrThrow({ where: { roomNumber: targets.roomNumber }, select: { id: true, hostId: true } });
  const user = await db.user.findFirstOrThrow({ where: { id: { not: show.hostId } }, select: { id: true, email: true, name: true, role: true, mutedAt: true, mutedUntil: true } });
  const tag = Date.now().toString(36);
  const steps: Step[] = [
    { name: "GET /api/health", why: "Next's fixed cost of a dynamic request (one SELECT 1)", run: () => fetch(`${targets.appUrl}/api/health`).then((r) => r.text()) },
    {
      name: "GET /api/account",
      why: "session: the cookie's token (decoded once a minute per token) + user read, as every action does",
      run: () => fetch(`${targets.appUrl}/api/account`, { headers: { cookie: targets.cookie } }).then((r) => r.text()),
    },
    { name: "zod (sendChatSchema)", why: "input check", run: async () => sendChatSchema.parse({ roomNumber: targets.roomNumber, text: `bench step ${"x".repeat(40)}` }) },
    { name: "rate limit (Redis)", why: "consume chat.send", run: (i) => consume("chat.send", `bench-steps-${tag}-${i}`) },
    { name: "show by room (Postgres)", why: "before: every send", run: () => db.show.findUnique({ where: { roomNumber: targets.roomNumber }, select: { id: true, status: true, hostId: true, slowModeSeconds: true } }) },
    { name: "show by room, cached ≤ 1 s", why: "now", run: () => chatTarget(targets.roomNumber) },
    { name: "user read (Postgres)", why: "in the session step", run: () => db.user.findUnique({ where: { id: user.id }, select: { id: true, role: true } }) },
    { name: "mute check (Postgres)", why: "before: its own round trip; now in the insert", run: () => isMuted(show.id, user.id) },
    {
      name: "insert alone (Postgres)",
      why: "before: the statement without the checks",
      run: () => db.$queryRaw`
        WITH next AS (
          INSERT INTO "ChatSequence" ("showId", "last") VALUES (${show.id}, 1)
          ON CONFLICT ("showId") DO UPDATE SET "last" = "ChatSequence"."last" + 1 RETURNING "last")
        INSERT INTO "ChatMessage" ("showId", "userId", "text", "seq") SELECT ${show.id}, ${user.id}, 'bench step', "last" FROM next RETURNING "id"`,
    },
    {
      name: "sendChatMessage (lib, now)",
      why: "limit, cached show, checks + insert in one statement; broadcast queued",
      run: (i) => sendChatMessage(user, sendChatSchema.parse({ roomNumber: targets.roomNumber, text: `bench-lib ${i}` })),
    },
    {
      name: "sendData (LiveKit, awaited)",
      why: "before: the sender waited for it; now after the answer",
      run: (i) => sendRoomMessage(roomNameFor(targets.roomNumber), "bench.steps", { i }),
    },
    { name: "chat action over HTTP, whole", why: "all of it, as the chat form sends it", run: (i) => targets.sendAction(`bench-step ${i}`) },
  ];
  const rows: string[][] = [["step", "p50", "p95", "what"]];
  for (const step of steps) {
    const { p50, p95 } = await time(step);
    rows.push([step.name, `${p50.toFixed(2)} ms`, `${p95.toFixed(2)} ms`, step.why]);
  }
  process.stdout.write(`\nOne chat send, step by step (${N} calls each, one at a time):\n${table(rows)}\n`);
  // This process's own connection, used by nothing after this: closed before the stack stops under it.
  client.disconnect();
}
