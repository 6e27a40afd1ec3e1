import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { freePort } from "../scripts/stack/ports";
import { egressRows, expectControlStatus, expectEgressStatus, ffprobe, rtmpReceiver } from "./support/egress";
import { forgetSetting, storeSetting } from "./support/settings";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

test("the host pushes the show to an RTMP server; video and audio arrive", async ({ browser }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suixin-rtmp-"));
  const file = path.join(dir, "received.flv");
  const receiver = rtmpReceiver(await freePort(), file);
  try {
    const host = await userPage(browser, "Vj");
    const roomNumber = await goLive(host.page, `RTMP show ${Date.now()}`);
    const controls = host.page.getByTestId("broadcast-controls");

    // Only rtmp:// and rtmps:// URLs are accepted.
    await controls.getByLabel("RTMP push URL").fill("http://127.0.0.1/live/key");
    await host.page.getByRole("button", { name: "Start RTMP push" }).click();
    await expect(controls.getByTestId("form-error")).toContainText("rtmp:// or rtmps://");

    await controls.getByLabel("RTMP push URL").fill(receiver.url);
    await host.page.getByRole("button", { name: "Start RTMP push" }).click();
    await expectControlStatus(host.page, "RTMP", "ACTIVE");
    const row = await expectEgressStatus(roomNumber, "RTMP", "ACTIVE");
    // The stream key is not kept.
    expect(JSON.stringify(row.outputs)).not.toContain("test-key");

    await expect.poll(() => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0, { timeout: 30_000 }).toBeGreaterThan(200_000);
    await controls.getByTestId("destination").getByRole("button", { name: /^Stop push to rtmp:\/\/127\.0\.0\.1:\d+\/live\/…$/ }).click();
    await expectEgressStatus(roomNumber, "RTMP", "COMPLETE");
    await expectControlStatus(host.page, "RTMP", "COMPLETE");
    expect(await Promise.race([receiver.exited, new Promise((r) => setTimeout(() => r("still running"), 15_000))])).toBe(0);

    const probe = await ffprobe(file);
    const codecs = probe.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort();
    expect(codecs).toEqual(["audio:aac", "video:h264"]);
    expect(Number(probe.format.duration)).toBeGreaterThan(2);
    await host.context.close();
  } finally {
    receiver.process.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("with private destinations not allowed, a push to this machine or a private network is refused before Egress connects", async ({ browser }) => {
  test.setTimeout(90_000);
  // The test profile allows local receivers; production does not. Stored before going live, so
  // every instance has re-read it (within 1 s) by the time the push is asked for.
  await storeSetting("allowPrivateRtmp", false);
  const connections: string[] = [];
  const listener = net.createServer((socket) => {
    connections.push(String(socket.remoteAddress));
    socket.destroy();
  });
  const port = await freePort();
  await new Promise<void>((resolve) => listener.listen(port, "127.0.0.1", resolve));
  try {
    const host = await userPage(browser, "Vj");
    const roomNumber = await goLive(host.page, `Private push ${Date.now()}`);
    const controls = host.page.getByTestId("broadcast-controls");
    for (const url of [
      `rtmp://127.0.0.1:${port}/live/key`,
      `rtmp://localhost:${port}/live/key`,
      `rtmp://[::ffff:127.0.0.1]:${port}/live/key`,
      `rtmp://2130706433:${port}/live/key`,
      "rtmp://10.0.0.1/live/key",
      "rtmp://169.254.169.254/live/key",
    ]) {
      await controls.getByLabel("RTMP push URL").fill(url);
      await host.page.getByRole("button", { name: "Start RTMP push" }).click();
      await expect(controls.getByTestId("form-error"), url).toHaveText(
        "Pushing to local or private network addresses is not allowed. Use a public RTMP server.",
      );
    }
    expect(await egressRows(roomNumber, "RTMP")).toEqual([]);
    expect(connections).toEqual([]);
    await host.context.close();
  } finally {
    listener.close();
    await forgetSetting("allowPrivateRtmp");
  }
});
