// Going on stage: a viewer accepts the host's invite; how long until another viewer's page shows
// the first frame of the new guest's camera? Printed next to the raw peer-connection baseline of
// bench:join, measured in the same run.
//
//   npm run bench:stage        (starts and stops its own stack; see bench/README.md)
import fs from "node:fs";
import path from "node:path";

import type { Browser, Page } from "@playwright/test";

import { goLive } from "../../e2e/support/studio";
import { newUser, register } from "../../e2e/support/users";
import { newContext } from "../support/browser";
import { openPeerBaseline } from "../support/peer-baseline";
import { runBench, withBrowser, withStack } from "../support/run";
import { REPO_ROOT } from "../support/stack";
import { SAMPLE_HEADER, loadLine, ms, percentile, sampleRow, table } from "../support/stats";
import { installAcceptProbe, installGuestFrameProbe } from "./probes";
import type { AcceptProbe, GuestFrameProbe } from "./probes";
import { installTimeline } from "./timeline";
import type { LongTask, TimelineMark } from "./timeline";

const RUNS = 10;
const WARM_UP_RUNS = 1; // the first one also opens the camera for the first time in that page: shown, not counted
const RUN_TIMEOUT_MS = 60_000; // generous: a shared machine under load
const GOAL_P50_MS = 1_500;
const TIMELINE_FILE = path.join(REPO_ROOT, ".data", "bench-stage-timeline.json");

type StageRun = {
  total: number;
  toAnswer: number;
  toTile: number;
  toVideo: number;
  toFrame: number;
  how: string;
  /** milliseconds of long tasks on each page's main thread between Accept and the first frame */
  busy: { guest: number; viewer: number };
  /** those long tasks themselves, [ms after Accept, duration] */
  longTasks: { guest: LongTask[]; viewer: LongTask[] };
  /** each timeline mark, ms after the Accept click, by page ("guest: ws< update", "… #2" when repeated) */
  marks: Map<string, number>;
};

/** Each mark of a page's timeline, ms after `from`; a label seen again is numbered ("ws< update #2"). */
function addMarks(page: string, marks: TimelineMark[], from: number, into: Map<string, number>): void {
  const seen = new Map<string, number>();
  for (const [label, at] of marks) {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    into.set(`${page}: ${label}${n > 1 ? ` #${n}` : ""}`, at - from);
  }
}

async function waitFor(page: Page, check: () => boolean): Promise<void> {
  await page.waitForFunction(check, null, { timeout: RUN_TIMEOUT_MS, polling: 50 });
}

/** One run: invite (host's UI), Accept (guest's UI), first guest frame (viewer's page); then the guest leaves. */
async function stageOnce(host: Page, guest: Page, guestName: string, viewer: Page): Promise<StageRun> {
  await viewer.evaluate(() => {
    (window as unknown as { __guest: GuestFrameProbe }).__guest = {};
  });
  for (const page of [guest, viewer]) {
    await page.evaluate(() => {
      const w = window as unknown as { __timeline: TimelineMark[]; __longTasks: LongTask[] };
      w.__timeline = [];
      w.__longTasks = [];
    });
  }
  await host.getByTestId("member").filter({ hasText: guestName }).getByTestId("invite-on-stage").click();
  const accept = guest.getByTestId("stage-invite").getByRole("button", { name: "Accept" });
  await accept.waitFor({ state: "visible", timeout: RUN_TIMEOUT_MS });
  await accept.click();
  await waitFor(viewer, () => (window as unknown as { __guest: GuestFrameProbe }).__guest.frameAt !== undefined);
  const a = await guest.evaluate(() => (window as unknown as { __accept: AcceptProbe }).__accept);
  const v = await viewer.evaluate(() => (window as unknown as { __guest: GuestFrameProbe }).__guest);
  if (a.acceptAt === undefined || v.tileAt === undefined || v.videoAt === undefined || v.frameAt === undefined) {
    throw new Error(`incomplete probes: ${JSON.stringify({ a, v })}`);
  }
  const marks = new Map<string, number>();
  const timelineOf = (page: Page) => page.evaluate(() => (window as unknown as { __timeline: TimelineMark[] }).__timeline);
  addMarks("guest", await timelineOf(guest), a.acceptAt, marks);
  addMarks("viewer", await timelineOf(viewer), a.acceptAt, marks);
  marks.set("viewer: guest tile", v.tileAt - a.acceptAt);
  marks.set("viewer: guest video element", v.videoAt - a.acceptAt);
  marks.set("viewer: first frame", v.frameAt - a.acceptAt);
  if (a.answeredAt !== undefined) marks.set("guest: accept answered", a.answeredAt - a.acceptAt);
  const from = a.acceptAt;
  const to = v.frameAt;
  const tasksOf = async (page: Page): Promise<LongTask[]> =>
    (await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks))
      .filter(([at, duration]) => at + duration > from && at < to)
      .map(([at, duration]) => [Math.round(at - from), Math.round(duration)]);
  const longTasks = { guest: await tasksOf(guest), viewer: await tasksOf(viewer) };
  const busyOf = (tasks: LongTask[]): number =>
    tasks.reduce((sum, [at, duration]) => sum + Math.max(0, Math.min(at + duration, to - from) - Math.max(at, 0)), 0);
  const busy = { guest: busyOf(longTasks.guest), viewer: busyOf(longTasks.viewer) };

  // Off stage again, and wait until every page agrees, so the next run starts from a viewer.
  await guest.getByRole("button", { name: "Leave the stage" }).click();
  await guest.getByTestId("raise-hand").waitFor({ state: "visible", timeout: RUN_TIMEOUT_MS });
  await viewer.getByTestId("guest-tile").waitFor({ state: "detached", timeout: RUN_TIMEOUT_MS });
  await host.getByTestId("stage-guest").waitFor({ state: "detached", timeout: RUN_TIMEOUT_MS });
  return {
    total: v.frameAt - a.acceptAt,
    toAnswer: (a.answeredAt ?? Number.NaN) - a.acceptAt,
    toTile: v.tileAt - a.acceptAt,
    toVideo: v.videoAt - v.tileAt,
    toFrame: v.frameAt - v.videoAt,
    how: v.how ?? "?",
    busy,
    longTasks,
    marks,
  };
}

async function bench(browser: Browser, appUrl: string): Promise<void> {
  // Host, guest and viewer as in the e2e tests: the host goes live, both others watch.
  const hostContext = await newContext(browser, appUrl);
  const host = await hostContext.newPage();
  await register(host, newUser("Host"));
  const roomNumber = await goLive(host, "Stage latency bench");

  const guestContext = await newContext(browser, appUrl);
  await guestContext.addInitScript(installAcceptProbe);
  await guestContext.addInitScript(installTimeline);
  const guest = await guestContext.newPage();
  const guestUser = newUser("Guest");
  await register(guest, guestUser);
  await guest.goto(`/shows/${roomNumber}`);
  await guest.getByTestId("host-video").waitFor({ state: "visible" });

  const viewerContext = await newContext(browser, appUrl);
  await viewerContext.addInitScript(installGuestFrameProbe);
  await viewerContext.addInitScript(installTimeline);
  const viewer = await viewerContext.newPage();
  await register(viewer, newUser("Viewer"));
  await viewer.goto(`/shows/${roomNumber}`);
  await viewer.getByTestId("host-video").waitFor({ state: "visible" });
  await host.getByTestId("member").filter({ hasText: guestUser.name }).waitFor({ state: "visible" });

  const baseline = await openPeerBaseline(browser, appUrl);
  const runs: StageRun[] = [];
  const raw: number[] = [];
  const methods = new Set<string>();
  const rawMethods = new Set<string>();
  // Interleaved, so a burst of load from elsewhere on this shared machine hits both series alike.
  for (let i = 0; i < WARM_UP_RUNS + RUNS; i++) {
    const run = await stageOnce(host, guest, guestUser.name, viewer);
    const base = await baseline.once();
    const label = i < WARM_UP_RUNS ? "warm-up" : `run ${i - WARM_UP_RUNS + 1}`;
    process.stdout.write(`${label.padEnd(8)} on stage ${ms(run.total).padStart(8)}   raw peer connection ${ms(base.total).padStart(8)}\n`);
    if (i < WARM_UP_RUNS) continue;
    runs.push(run);
    raw.push(base.total);
    methods.add(run.how);
    rawMethods.add(base.how);
  }

  const totals = runs.map((r) => r.total);
  const p50 = percentile(totals, 50);
  process.stdout.write(`\nOn-stage latency, ${RUNS} runs each (first frame seen by: app ${[...methods].join("/")}, baseline ${[...rawMethods].join("/")})\n`);
  process.stdout.write(
    `${table([
      SAMPLE_HEADER,
      sampleRow("Accept → first guest frame at another viewer (app)", totals),
      sampleRow("raw peer connection (baseline)", raw),
    ])}\n`,
  );
  process.stdout.write(`\nWhere the app's time goes (p50 of each phase)\n`);
  process.stdout.write(
    `${table([
      ["phase", "p50"],
      ["Accept → the server's answer in the guest's page (seat + updateParticipant)", ms(percentile(runs.map((r) => r.toAnswer), 50))],
      ["Accept → guest tile at the viewer (role attribute arrived)", ms(percentile(runs.map((r) => r.toTile), 50))],
      ["→ guest video element (camera open, published, subscribed)", ms(percentile(runs.map((r) => r.toVideo), 50))],
      ["→ first frame (media path + decode)", ms(percentile(runs.map((r) => r.toFrame), 50))],
      ["guest's main thread in long tasks, Accept → first frame", ms(percentile(runs.map((r) => r.busy.guest), 50))],
      ["viewer's main thread in long tasks, Accept → first frame", ms(percentile(runs.map((r) => r.busy.viewer), 50))],
    ])}\n`,
  );
  // The browsers' own timeline (signal messages, camera, negotiation): p50 of each mark over the
  // runs that had it, in order. Every run's marks also go to a JSON file beside the stack's logs.
  const labels = new Map<string, number[]>();
  for (const run of runs) for (const [label, at] of run.marks) labels.set(label, [...(labels.get(label) ?? []), at]);
  const timeline = [...labels].map(([label, values]) => ({ label, p50: percentile(values, 50), n: values.length })).sort((x, y) => x.p50 - y.p50);
  fs.writeFileSync(TIMELINE_FILE, JSON.stringify(runs.map((r) => ({ total: r.total, busy: r.busy, longTasks: r.longTasks, marks: Object.fromEntries(r.marks) })), null, 1));
  process.stdout.write(`\nTimeline (ms after Accept, p50 over the runs that had the mark; every run in ${TIMELINE_FILE})\n`);
  process.stdout.write(`${table([["mark", "p50", "runs"], ...timeline.map((t) => [t.label, ms(t.p50), String(t.n)])])}\n`);
  process.stdout.write(
    `\ngoal p50 ≤ ${ms(GOAL_P50_MS)}: ${p50 <= GOAL_P50_MS ? "met" : "MISSED"} (p50 ${ms(p50)}, ${ms(p50 - percentile(raw, 50))} above the raw peer connection)\n`,
  );
  process.stdout.write(`${loadLine()}\n`);
  await Promise.all([hostContext.close(), guestContext.close(), viewerContext.close(), baseline.close()]);
}

// Production timings (the test profile shortens some), so the app does what it would do for real.
const STAGE_SETTINGS = {
  SUIXIN_RECONCILE_SECONDS: "15",
  SUIXIN_SETTINGS: JSON.stringify({ hostGraceSeconds: 60, stageInviteSeconds: 30, stagePublishSeconds: 20 }),
};

runBench("stage", () => withStack("stage", STAGE_SETTINGS, (stack) => withBrowser((browser) => bench(browser, stack.info.appUrl))));
