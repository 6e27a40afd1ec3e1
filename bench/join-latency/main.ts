// Join latency: a viewer clicks a live show on the home page; how long until the host's video
// shows its first decoded frame? Printed next to a raw RTCPeerConnection pair between two pages
// of the same browser (the floor WebRTC itself sets on this machine), measured in the same run.
//
//   npm run bench:join        (starts and stops its own stack; see bench/README.md)
import type { Browser } from "@playwright/test";

import { goLive } from "../../e2e/support/studio";
import { newUser, register } from "../../e2e/support/users";
import { newContext } from "../support/browser";
import { openPeerBaseline } from "../support/peer-baseline";
import { runBench, withBrowser, withStack } from "../support/run";
import { SAMPLE_HEADER, loadLine, ms, percentile, sampleRow, table } from "../support/stats";
import { installJoinProbe } from "./probes";
import type { JoinProbe } from "./probes";

const RUNS = 10;
const WARM_UP_RUNS = 1; // the first join also loads the watch page's code and LiveKit's: shown, not counted
const RUN_TIMEOUT_MS = 20_000;
// The app's p50 against the raw peer connection's p50 of the same run (load moves both).
const GOAL_RATIO = 1.5;

type JoinRun = {
  total: number;
  toPage: number;
  /** the last script fetched after the click (the watch page's code) has arrived */
  toCode: number;
  scripts: number;
  /** page answer → LiveKit's signal socket created (code, render, hydration, effects) */
  toSignal: number;
  /** → signal socket open, → peer connection connected, → host video element */
  toSignalOpen: number;
  toPeer: number;
  toVideo: number;
  toFrame: number;
  how: string;
};

/** One join: fresh page, home page, click the show's card, wait for the first frame, go back. */
async function joinOnce(viewer: Awaited<ReturnType<typeof newContext>>, roomNumber: number): Promise<JoinRun> {
  const page = await viewer.newPage();
  try {
    await page.goto("/");
    const card = page.locator(`[data-testid=show-card][data-room-number="${roomNumber}"]`);
    await card.waitFor({ state: "visible" });
    await card.click();
    await page.waitForFunction(() => (window as unknown as { __join: JoinProbe }).__join.frameAt !== undefined, null, {
      timeout: RUN_TIMEOUT_MS,
      polling: 50,
    });
    const result = await page.evaluate((room) => {
      const probe = (window as unknown as { __join: JoinProbe }).__join;
      const timings = (type: string): PerformanceResourceTiming[] =>
        performance.getEntriesByType(type).filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming);
      // The watch page's server answer: an RSC fetch after a client-side navigation, or the
      // document itself after a full one.
      const rsc = timings("resource")
        .filter((e) => new URL(e.name).pathname === `/shows/${room}`)
        .at(-1);
      const page = rsc ?? timings("navigation").at(-1);
      const clickedAt = (probe.clickAt ?? 0) - performance.timeOrigin;
      const scripts = timings("resource").filter((e) => e.initiatorType === "script" && e.startTime >= clickedAt);
      return {
        probe,
        scripts: scripts.length,
        codeEnd: scripts.length ? performance.timeOrigin + Math.max(...scripts.map((e) => e.responseEnd)) : Number.NaN,
        pageEnd: page ? performance.timeOrigin + page.responseEnd : Number.NaN,
      };
    }, roomNumber);
    const { probe, pageEnd, codeEnd, scripts } = result;
    const { clickAt, signalAt, signalOpenAt, peerAt, videoAt, frameAt } = probe;
    if (clickAt === undefined || videoAt === undefined || frameAt === undefined) throw new Error(`incomplete probe: ${JSON.stringify(probe)}`);
    const since = (from: number | undefined, to: number | undefined): number => (from === undefined || to === undefined ? Number.NaN : to - from);
    await page.goBack(); // leaves the room before the page closes, as a viewer would
    return {
      total: frameAt - clickAt,
      toPage: pageEnd - clickAt,
      toCode: codeEnd - clickAt,
      scripts,
      toSignal: since(pageEnd, signalAt),
      toSignalOpen: since(signalAt, signalOpenAt),
      toPeer: since(signalOpenAt, peerAt),
      toVideo: since(peerAt, videoAt),
      toFrame: frameAt - videoAt,
      how: probe.how ?? "?",
    };
  } finally {
    await page.close();
  }
}

async function bench(browser: Browser, appUrl: string): Promise<void> {
  // The host goes live through the UI, exactly as in the e2e tests, and stays live throughout.
  const hostContext = await newContext(browser, appUrl);
  const hostPage = await hostContext.newPage();
  await register(hostPage, newUser("Host"));
  const roomNumber = await goLive(hostPage, "Join latency bench");

  const viewer = await newContext(browser, appUrl);
  await viewer.addInitScript(installJoinProbe);
  const viewerPage = await viewer.newPage();
  await register(viewerPage, newUser("Viewer"));
  await viewerPage.close();

  const baseline = await openPeerBaseline(browser, appUrl);

  const joins: JoinRun[] = [];
  const raw: number[] = [];
  const joinMethods = new Set<string>();
  const rawMethods = new Set<string>();
  // Interleaved, so a burst of load from elsewhere on this shared machine hits both series alike.
  for (let i = 0; i < WARM_UP_RUNS + RUNS; i++) {
    const join = await joinOnce(viewer, roomNumber);
    const base = await baseline.once();
    const label = i < WARM_UP_RUNS ? "warm-up" : `run ${i - WARM_UP_RUNS + 1}`;
    process.stdout.write(`${label.padEnd(8)} join ${ms(join.total).padStart(8)}   raw peer connection ${ms(base.total).padStart(8)}\n`);
    if (i < WARM_UP_RUNS) continue;
    joins.push(join);
    raw.push(base.total);
    joinMethods.add(join.how);
    rawMethods.add(base.how);
  }

  const totals = joins.map((j) => j.total);
  const p50 = percentile(totals, 50);
  process.stdout.write(`\nJoin latency, ${RUNS} runs each (first frame seen by: app ${[...joinMethods].join("/")}, baseline ${[...rawMethods].join("/")})\n`);
  process.stdout.write(
    `${table([
      SAMPLE_HEADER,
      sampleRow("click → first host frame (app)", totals),
      sampleRow("raw peer connection (baseline)", raw),
    ])}\n`,
  );
  // A phase may be negative when a step starts before the page answer (e.g. a connection opened at the click).
  const phase = (of: (j: JoinRun) => number): string => ms(percentile(joins.map(of).filter(Number.isFinite), 50));
  process.stdout.write(`\nWhere the app's time goes (p50 of each phase)\n`);
  process.stdout.write(
    `${table([
      ["phase", "p50"],
      // The watch page's server render also mints the viewer's LiveKit token.
      ["click → watch page's server answer received (RSC render + token)", phase((j) => j.toPage)],
      ["→ LiveKit signal socket created (code, render, hydration, effects)", phase((j) => j.toSignal)],
      ["→ signal socket open", phase((j) => j.toSignalOpen)],
      ["→ peer connection connected (join, offer/answer, ICE, DTLS)", phase((j) => j.toPeer)],
      ["→ host video element (track subscribed)", phase((j) => j.toVideo)],
      ["→ first frame (media path + decode)", phase((j) => j.toFrame)],
    ])}\n`,
  );
  const rawP50 = percentile(raw, 50);
  const overhead = p50 - rawP50;
  const ratio = p50 / rawP50;
  const scripts = percentile(joins.map((j) => j.scripts), 50);
  process.stdout.write(
    `(also: ${scripts} scripts fetched after the click, the last one in by ${ms(percentile(joins.map((j) => j.toCode), 50))} after it)\n`,
  );
  process.stdout.write(
    `\ngoal p50 ≤ ${GOAL_RATIO}× the raw peer connection's: ${ratio <= GOAL_RATIO ? "met" : "MISSED"} ` +
      `(p50 ${ms(p50)} = ${ratio.toFixed(2)}× ${ms(rawP50)}, ${ms(overhead)} above it)\n`,
  );
  process.stdout.write(`${loadLine()}\n`);

  await Promise.all([hostContext.close(), viewer.close(), baseline.close()]);
}

// Production timings for presence (the test profile shortens them), so the app does what it
// would do for real while the viewer joins.
runBench("join", () =>
  withStack("join", { SUIXIN_RECONCILE_SECONDS: "15", SUIXIN_SETTINGS: JSON.stringify({ hostGraceSeconds: 60 }) }, (stack) =>
    withBrowser((browser) => bench(browser, stack.info.appUrl)),
  ),
);
