// What one Egress output costs on this machine (npm run bench:egress-cost): CPU and memory of the
// Egress process tree (its service and the handler, Chromium and GStreamer processes it starts per
// job) while a live show runs each kind of output, beside the same tree idle, so an operator can
// tell how many pushes one machine carries.
//
// Starts its own test-profile stack (bench/support/stack.ts) and stops it. Figures are read from
// /proc: CPU as utime+stime ticks of every process under Egress over a fixed window, memory as
// the sum of their resident sets, sampled every second.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";

import { freePort } from "../../scripts/stack/ports";
import { rtmpReceiver } from "../../e2e/support/egress";
import { goLive } from "../../e2e/support/studio";
import { newUser, register } from "../../e2e/support/users";
import { newContext } from "../support/browser";
import { cpuSeconds, machineBusySeconds, processTree, residentBytes } from "../support/cpu";
import { runBench, withBrowser, withStack } from "../support/run";

const WINDOW_SECONDS = 20;
const WARM_SECONDS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Figure = { label: string; cpuPercent: number; rssMb: number; processes: number; machinePercent: number; load: string };

async function measure(label: string, egressPid: number): Promise<Figure> {
  // Egress and everything under it (job handlers run in process groups of their own, but stay
  // its children), read again each second: jobs start and end.
  const before = new Map(processTree(egressPid).map((pid) => [pid, cpuSeconds([pid])]));
  const machine0 = machineBusySeconds();
  const rss: number[] = [];
  let last = [...before.keys()];
  for (let i = 0; i < WINDOW_SECONDS; i++) {
    await sleep(1_000);
    last = processTree(egressPid);
    rss.push(residentBytes(last));
  }
  // processes that started during the window count from zero; ones that ended are lost (rare here)
  const seconds = last.reduce((sum, pid) => sum + cpuSeconds([pid]) - (before.get(pid) ?? 0), 0);
  const cpuPercent = (seconds / WINDOW_SECONDS) * 100;
  const machinePercent = ((machineBusySeconds() - machine0) / WINDOW_SECONDS) * 100;
  const mean = rss.reduce((a, b) => a + b, 0) / rss.length;
  return { label, cpuPercent, rssMb: mean / 2 ** 20, processes: last.length, machinePercent, load: os.loadavg().map((l) => l.toFixed(1)).join(" ") };
}

async function waitStatus(page: Page, kind: string, status: string) {
  await page.locator(`[data-testid=broadcast-${kind}][data-status=${status}]`).waitFor({ timeout: 180_000 });
}

function egressPidOf(dataDir: string): number {
  const state = JSON.parse(fs.readFileSync(path.join(dataDir, "supervisor.json"), "utf8")) as { children?: { name: string; pid: number }[] };
  const pid = state.children?.find((c) => c.name === "egress")?.pid;
  if (!pid) throw new Error("egress is not running");
  return pid;
}

async function bench(browser: Browser, appUrl: string, dataDir: string): Promise<Figure[]> {
  // A local RTMP receiver (not under Egress, so not counted): ffmpeg copying what it gets.
  const receiverFile = path.join(os.tmpdir(), `suixin-egress-cost-${process.pid}.flv`);
  const receiver = rtmpReceiver(await freePort(), receiverFile);
  const figures: Figure[] = [];
  try {
    const context = await newContext(browser, appUrl);
    const page = await context.newPage();
    await register(page, newUser("bench-vj"));
    await goLive(page, "Egress cost bench");
    await sleep(5_000);
    const egress = egressPidOf(dataDir);

    figures.push(await measure("idle (show live, no output)", egress));

    await page.getByRole("button", { name: "Start Recording (MP4)" }).click();
    await waitStatus(page, "MP4", "ACTIVE");
    await sleep(WARM_SECONDS * 1000);
    figures.push(await measure("participant MP4", egress));
    await page.getByRole("button", { name: "Stop Recording (MP4)" }).click();
    await waitStatus(page, "MP4", "COMPLETE");
    await sleep(3_000);

    await page.getByRole("button", { name: "Start HLS stream" }).click();
    await waitStatus(page, "HLS", "ACTIVE");
    await sleep(WARM_SECONDS * 1000);
    figures.push(await measure("composite HLS", egress));

    await page.getByLabel("RTMP push URL").fill(receiver.url);
    await page.getByRole("button", { name: "Start RTMP push" }).click();
    await waitStatus(page, "RTMP", "ACTIVE");
    await sleep(WARM_SECONDS * 1000);
    figures.push(await measure("composite HLS + composite RTMP", egress));

    await page.getByRole("button", { name: "End show" }).click();
    await page.waitForURL(/\/studio\/ended\//);
  } finally {
    receiver.process.kill("SIGKILL");
    fs.rmSync(receiverFile, { force: true });
  }
  return figures;
}

function report(figures: readonly Figure[]): void {
  const idle = figures[0];
  console.log(`\nEgress cost bench (${WINDOW_SECONDS} s per window, ${os.cpus().length} cores; CPU in % of one core)`);
  for (const f of figures) {
    const extra = idle && f !== idle ? `  (+${(f.cpuPercent - idle.cpuPercent).toFixed(0)} % CPU, +${(f.rssMb - idle.rssMb).toFixed(0)} MB over idle)` : "";
    console.log(
      `  ${f.label.padEnd(34)} Egress CPU ${f.cpuPercent.toFixed(0).padStart(4)} %  RSS ${f.rssMb.toFixed(0).padStart(5)} MB  ${String(f.processes).padStart(3)} procs  machine busy ${f.machinePercent.toFixed(0)} %  load ${f.load}${extra}`,
    );
  }
}

runBench("egress-cost", async () => {
  let figures: Figure[] = [];
  await withStack("egress-cost", {}, (stack) =>
    withBrowser(async (browser) => {
      figures = await bench(browser, stack.info.appUrl, stack.info.dataDir);
    }),
  );
  report(figures);
});
