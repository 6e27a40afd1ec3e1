// What one Egress output costs on this machine (npm run bench:egress-cost): CPU and memory of the
// Egress process tree (its service and the handler, Chromium and GStreamer processes it starts per
// job) while a live show runs each kind of output, beside the same tree idle, so an operator can
// tell how many pushes one machine carries.
//
// Starts its own test-profile stack (bench/support/stack.ts) and stops it. Figures are read from
// /proc: CPU as utime+stime ticks of every process under Egress over a fixed window, memory as
// the sum of their resident sets, sampled every second.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import type { Browser, Page } from "@playwright/test";

import { newContext } from "../support/browser";
import { runBench, withBrowser, withStack } from "../support/run";

const WINDOW_SECONDS = 20;
const WARM_SECONDS = 5;
const TICKS = 100; // USER_HZ on Linux
const PAGE = 4096;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Proc = { pid: number; ppid: number; ticks: number; rss: number };

function readProcs(): Proc[] {
  const procs: Proc[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const statm = fs.readFileSync(`/proc/${entry}/statm`, "utf8").split(" ");
      procs.push({ pid: Number(entry), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), rss: Number(statm[1]) * PAGE });
    } catch {
      // gone meanwhile
    }
  }
  return procs;
}

/** Egress and everything under it (job handlers run in process groups of their own, but stay its children). */
function tree(root: number): Proc[] {
  const procs = readProcs();
  const ids = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (ids.has(p.pid) || !ids.has(p.ppid)) continue;
      ids.add(p.pid);
      grew = true;
    }
  }
  return procs.filter((p) => ids.has(p.pid));
}

function machineBusy(): { busy: number; total: number } {
  const [cpu = ""] = fs.readFileSync("/proc/stat", "utf8").split("\n");
  const values = cpu.split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

type Figure = { label: string; cpuPercent: number; rssMb: number; processes: number; machinePercent: number; load: string };

async function measure(label: string, egressPid: number): Promise<Figure> {
  const before = tree(egressPid);
  const machine0 = machineBusy();
  const byPid0 = new Map(before.map((p) => [p.pid, p.ticks]));
  const rss: number[] = [];
  let last = before;
  for (let i = 0; i < WINDOW_SECONDS; i++) {
    await sleep(1_000);
    last = tree(egressPid);
    rss.push(last.reduce((sum, p) => sum + p.rss, 0));
  }
  const machine1 = machineBusy();
  // processes that started during the window count from zero; ones that ended are lost (rare here)
  const ticks = last.reduce((sum, p) => sum + p.ticks - (byPid0.get(p.pid) ?? 0), 0);
  const cpuPercent = (ticks / TICKS / WINDOW_SECONDS) * 100;
  const machinePercent = ((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * 100 * os.cpus().length;
  const mean = rss.reduce((a, b) => a + b, 0) / rss.length;
  return { label, cpuPercent, rssMb: mean / 2 ** 20, processes: last.length, machinePercent, load: os.loadavg().map((l) => l.toFixed(1)).join(" ") };
}

async function register(page: Page, name: string) {
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  await page.goto("/register");
  await page.getByLabel("Email").fill(`${name}-${tag}@example.test`);
  await page.getByLabel("Display name").fill(`${name} ${tag}`.slice(0, 40));
  await page.getByLabel("Password").fill(`pw-${tag}-secret`);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByTestId("current-user").waitFor();
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function bench(browser: Browser, appUrl: string, dataDir: string): Promise<Figure[]> {
  // A local RTMP receiver (not under Egress, so not counted): ffmpeg copying what it gets.
  const receiverUrl = `rtmp://127.0.0.1:${await freePort()}/live/bench-key`;
  const receiverFile = path.join(os.tmpdir(), `suixin-egress-cost-${process.pid}.flv`);
  const receiver = spawn("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-listen", "1", "-i", receiverUrl, "-c", "copy", "-f", "flv", receiverFile], {
    stdio: "ignore",
  });
  const figures: Figure[] = [];
  try {
    const context = await newContext(browser, appUrl);
    const page = await context.newPage();
    await register(page, "bench-vj");
    await page.goto("/studio");
    await page.getByLabel("Title").fill("Egress cost bench");
    await page.getByRole("button", { name: "Go live" }).click();
    await page.getByTestId("live-status").getByText("LIVE").waitFor({ timeout: 60_000 });
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

    await page.getByLabel("RTMP push URL").fill(receiverUrl);
    await page.getByRole("button", { name: "Start RTMP push" }).click();
    await waitStatus(page, "RTMP", "ACTIVE");
    await sleep(WARM_SECONDS * 1000);
    figures.push(await measure("composite HLS + composite RTMP", egress));

    await page.getByRole("button", { name: "End show" }).click();
    await page.waitForURL(/\/studio\/ended\//);
  } finally {
    receiver.kill("SIGKILL");
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
