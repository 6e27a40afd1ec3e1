import path from "node:path";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { egressOutputsSchemaForTests, expectControlStatus, expectEgressStatus, ffprobe } from "./support/egress";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

const RECORD_SECONDS = 10;

test("the host records the show to MP4; the file has both streams and the recorded length", async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await userPage(browser, "Vj");
  const title = `Night Talk ${Date.now()}`;
  const roomNumber = await goLive(host.page, title);
  await expectVideoPlaying(host.page.getByTestId("self-view"));

  // The recorded time is what the host asked for: from pressing Start to pressing Stop.
  const recordingFrom = Date.now();
  await host.page.getByRole("button", { name: "Start Recording (MP4)" }).click();
  await expectEgressStatus(roomNumber, "MP4", "ACTIVE");
  const activeAt = Date.now();
  console.log(`MP4: start → ACTIVE ${((activeAt - recordingFrom) / 1000).toFixed(1)} s`);
  await expectControlStatus(host.page, "MP4", "ACTIVE");
  await host.page.waitForTimeout(Math.max(0, RECORD_SECONDS * 1000 - (Date.now() - recordingFrom)));
  await host.page.getByRole("button", { name: "Stop Recording (MP4)" }).click();
  const stoppedAt = Date.now();
  const recorded = (stoppedAt - recordingFrom) / 1000;
  // Egress begins writing somewhere between the click and the moment we saw it ACTIVE (seconds apart on a
  // loaded machine), so the file is at most the asked-for time and at least the time it was seen active.
  const surelyActive = (stoppedAt - activeAt) / 1000;

  const row = await expectEgressStatus(roomNumber, "MP4", "COMPLETE");
  const files = egressOutputsSchemaForTests.parse(row.outputs).files ?? [];
  expect(files).toHaveLength(1);
  const name = files[0]?.name ?? "";
  expect(name).toMatch(/^night-talk-\d+_\d{8}-\d{6}_\d{8}-\d{6}\.mp4$/);
  await expect(host.page.getByTestId("recording-files")).toContainText(name);

  const file = path.join(readStack().dataDir, "egress", "recordings", String(roomNumber), name);
  const probe = await ffprobe(file);
  const video = probe.streams.find((s) => s.codec_type === "video");
  const audio = probe.streams.find((s) => s.codec_type === "audio");
  expect(video?.codec_name).toBe("h264");
  expect(audio?.codec_name).toBe("aac");
  console.log(`MP4: recorded ${recorded.toFixed(2)} s; ffprobe format ${probe.format.duration} s, video ${video?.duration} s, audio ${audio?.duration} s`);
  for (const duration of [Number(probe.format.duration), Number(video?.duration)]) {
    expect(duration).toBeLessThanOrEqual(recorded + 0.5);
    expect(duration).toBeGreaterThanOrEqual(surelyActive - 1);
  }
  await host.context.close();
});
