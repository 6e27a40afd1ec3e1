import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { query } from "./support/db";
import { freePort } from "../scripts/stack/ports";
import { expectEgressStatus, ffprobe, rtmpReceiver } from "./support/egress";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

const size = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;

test("multistream: up to three RTMP destinations at once, each started, shown and stopped on its own; each gets video and audio", async ({ browser }) => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suixin-multi-"));
  const receivers = await Promise.all(
    [0, 1, 2].map(async (i) => {
      const file = path.join(dir, `received-${i}.flv`);
      return { file, ...rtmpReceiver(await freePort(), file) };
    }),
  );
  try {
    const host = await userPage(browser, "Vj");
    const roomNumber = await goLive(host.page, `Multistream ${Date.now()}`);
    const controls = host.page.getByTestId("broadcast-controls");
    const destinations = controls.getByTestId("destination");
    const url = controls.getByLabel("RTMP push URL");

    // Bad input first: nothing starts.
    await url.fill("rtmp://no-path");
    await host.page.getByRole("button", { name: "Start RTMP push" }).click();
    await expect(controls.getByTestId("form-error")).toContainText("rtmp:// or rtmps://");
    await expect(destinations).toHaveCount(0);

    // Two destinations, one after the other, on the same push.
    const [a, b, c] = receivers;
    if (!a || !b || !c) throw new Error("receivers");
    await url.fill(a.url);
    await host.page.getByRole("button", { name: "Start RTMP push" }).click();
    await expect(destinations).toHaveCount(1);
    await expect(destinations.first()).toHaveAttribute("data-status", "ACTIVE", { timeout: 60_000 });
    const row = await expectEgressStatus(roomNumber, "RTMP", "ACTIVE");
    await url.fill(b.url);
    await host.page.getByRole("button", { name: /^Add destination \(1\/3\)$/ }).click();
    await expect(destinations).toHaveCount(2);
    await expect(destinations.nth(1)).toHaveAttribute("data-status", "ACTIVE", { timeout: 60_000 });
    // One Egress job feeds both (one composite, one encoder).
    expect(await query(`SELECT count(*)::int AS n FROM "Egress" e JOIN "Show" s ON s.id = e."showId" WHERE s."roomNumber" = $1 AND e.kind = 'RTMP'`, [roomNumber])).toEqual([{ n: 1 }]);
    // The stream keys are not shown.
    await expect(destinations.first()).not.toContainText("test-key");

    // The same destination twice is "already pushing"; a third is fine; a fourth is refused.
    await url.fill(b.url);
    await host.page.getByRole("button", { name: "Add destination (2/3)" }).click();
    await expect(controls.getByTestId("push-notice")).toContainText("Already pushing");
    await expect(destinations).toHaveCount(2);
    await url.fill(c.url);
    await host.page.getByRole("button", { name: "Add destination (2/3)" }).click();
    await expect(destinations).toHaveCount(3);
    await expect(destinations.nth(2)).toHaveAttribute("data-status", "ACTIVE", { timeout: 60_000 });
    await url.fill("rtmp://127.0.0.1:1/live/fourth-key");
    await host.page.getByRole("button", { name: "Add destination (3/3)" }).click();
    await expect(controls.getByTestId("form-error")).toHaveText("At most 3 destinations at once. Stop one first.");
    await expect(destinations).toHaveCount(3);

    // All three receive; stopping the first ends only its stream.
    for (const r of receivers) await expect.poll(() => size(r.file), { timeout: 30_000 }).toBeGreaterThan(200_000);
    await destinations.first().getByRole("button").click();
    expect(await Promise.race([a.exited, new Promise((r) => setTimeout(() => r("still running"), 20_000))])).toBe(0);
    await expect(destinations.first()).toHaveAttribute("data-status", "ACTIVE");
    await expect(destinations).toHaveCount(2);
    const sizeB = size(b.file);
    await expect.poll(() => size(b.file), { timeout: 15_000 }).toBeGreaterThan(sizeB + 100_000);
    await expectEgressStatus(roomNumber, "RTMP", "ACTIVE");

    // Stopping the others, one by one; the last one ends the push.
    await destinations.first().getByRole("button").click();
    await expect(destinations).toHaveCount(1);
    await destinations.first().getByRole("button").click();
    await expect(destinations).toHaveCount(0);
    await expectEgressStatus(roomNumber, "RTMP", "COMPLETE");
    expect((await query<{ id: string }>(`SELECT id FROM "Egress" WHERE id = $1`, [row.id])).length).toBe(1);
    for (const r of [b, c]) expect(await Promise.race([r.exited, new Promise((res) => setTimeout(() => res("still running"), 20_000))])).toBe(0);

    for (const r of receivers) {
      const probe = await ffprobe(r.file);
      expect(probe.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort(), r.file).toEqual(["audio:aac", "video:h264"]);
      expect(Number(probe.format.duration)).toBeGreaterThan(2);
    }
    await host.page.getByRole("button", { name: "End show" }).click();
    await host.context.close();
  } finally {
    for (const r of receivers) r.process.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
