import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { AccessToken } from "livekit-server-sdk";
import { egressOutputsSchemaForTests, egressRows } from "./support/egress";
import { query } from "./support/db";
import { readStack } from "./support/stack";

const run = promisify(execFile);

async function sign(body: string) {
  const { livekit } = readStack();
  const token = new AccessToken(livekit.apiKey, livekit.apiSecret);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

/** A big MP4 (a short clip repeated by stream copy): finishing it takes a while. */
async function bigRecording(file: string) {
  const clip = `${file}.clip.mp4`;
  await run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
    "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "40M", "-minrate", "40M", "-maxrate", "40M", "-bufsize", "40M", "-c:a", "aac", clip]);
  await run("ffmpeg", ["-v", "error", "-y", "-stream_loop", "30", "-i", clip, "-c", "copy", file]);
  fs.rmSync(clip);
}

test("an egress_ended webhook is answered at once; the slow recording finish runs afterwards, as a job", async ({ request }) => {
  test.setTimeout(120_000);
  const tag = randomBytes(4).toString("hex");
  const [user] = await query<{ id: string }>(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, $2, 'Recorder', 'x') RETURNING id`, [
    `rec-${tag}`,
    `rec-${tag}@example.test`,
  ]);
  const [show] = await query<{ id: string; roomNumber: number }>(
    `INSERT INTO "Show" (id, title, "hostId") VALUES ($1, 'Long Take', $2) RETURNING id, "roomNumber"`,
    [`show-${tag}`, user!.id],
  );
  const dir = path.join(readStack().dataDir, "egress", "recordings", String(show!.roomNumber));
  fs.mkdirSync(dir, { recursive: true });
  const raw = path.join(dir, `long-take_${tag}.mp4`);
  await bigRecording(raw);
  // Egress writes recordings as the stack's service user; so must this stand-in, or the app may not trim it.
  const { serviceUser } = readStack().security;
  if (serviceUser) await run("chown", ["-R", `${serviceUser}:`, dir]);
  const size = fs.statSync(raw).size;
  // The recording's row, as its start left it (LiveKit never heard of this job: the reconcile
  // loop would call it lost after a few seconds, so the webhook follows at once).
  const egressId = `EG_test${tag}`;
  await query(`INSERT INTO "Egress" (id, "showId", kind, status, outputs, "updatedAt") VALUES ($1, $2, 'MP4', 'ACTIVE', '{"files":[]}', now())`, [
    egressId,
    show!.id,
  ]);

  const ns = (d: Date) => String(BigInt(d.getTime()) * 1_000_000n);
  const started = new Date(Date.now() - 62_000);
  const ended = new Date();
  const body = JSON.stringify({
    event: "egress_ended",
    id: `EV_${tag}`,
    createdAt: String(Math.floor(Date.now() / 1000)),
    egressInfo: {
      egressId,
      roomName: `show-${show!.roomNumber}`,
      status: "EGRESS_COMPLETE",
      startedAt: ns(started),
      endedAt: ns(ended),
      participant: { roomName: `show-${show!.roomNumber}`, identity: user!.id, fileOutputs: [{ filepath: raw }] },
      fileResults: [{ filename: raw, location: raw, startedAt: ns(started), endedAt: ns(ended), duration: "62000000000", size: String(size) }],
    },
  });
  const sentAt = Date.now();
  const response = await request.post("/api/livekit/webhook", {
    data: body,
    headers: { "content-type": "application/webhook+json", authorization: await sign(body) },
  });
  const answeredAt = Date.now();
  expect(response.status()).toBe(200);
  console.log(`webhook answered in ${answeredAt - sentAt} ms (${(size / 1e6).toFixed(0)} MB recording to finish)`);
  // Answered with the recording still being finished: the row says so.
  expect((await egressRows(show!.roomNumber, "MP4"))[0]?.status).toBe("ENDING");

  const done = await expect
    .poll(async () => (await egressRows(show!.roomNumber, "MP4"))[0]?.status, { timeout: 60_000, intervals: [200] })
    .toBe("COMPLETE")
    .then(() => Date.now());
  const [row] = await egressRows(show!.roomNumber, "MP4");
  const name = egressOutputsSchemaForTests.parse(row?.outputs).files?.[0]?.name ?? "";
  expect(name).toMatch(/^long-take_\d{8}-\d{6}_\d{8}-\d{6}\.mp4$/);
  const finished = fs.statSync(path.join(dir, name));
  console.log(`recording finished ${finished.mtimeMs - answeredAt} ms after the webhook was answered (seen done after ${done - answeredAt} ms)`);
  // The trimmed file was written after the answer went out: the work did not run inside the request.
  expect(finished.mtimeMs).toBeGreaterThan(answeredAt);
  expect(fs.existsSync(raw)).toBe(false);
});
