// Starts the Suixin stack for a benchmark (the supervisor's test profile: wiped data directory,
// production build of the app) and stops it again, also when the benchmark fails or is interrupted.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { readStackInfo, STACK_FILE } from "../../scripts/stack/stack-file";
import type { StackInfo } from "../../scripts/stack/stack-file";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

// Ports of their own (the environment still wins), so a benchmark never lands on the dev stack
// (3000…) or an e2e run (3100…) on the same machine.
const BENCH_PORTS: Record<string, string> = {
  PORT: "3200",
  SUIXIN_LIVEKIT_PORT: "7780",
  SUIXIN_LIVEKIT_RTC_TCP_PORT: "7781",
  SUIXIN_LIVEKIT_RTC_UDP_PORT: "7782",
  SUIXIN_REDIS_PORT: "6391",
  SUIXIN_POSTGRES_PORT: "54340",
  SUIXIN_EGRESS_HEALTH_PORT: "9290",
};

// A first run builds the app (minutes on 2 cores); later runs start in well under a minute.
const START_TIMEOUT_MS = 15 * 60_000;
const STOP_TIMEOUT_MS = 30_000;

export interface RunningStack {
  info: StackInfo;
  /** SIGTERM to the supervisor, then wait until it has stopped every service. Idempotent. */
  stop: () => Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * `settings` are app settings (SUIXIN_*) for this run; the supervisor passes them to the app.
 * The supervisor's own log goes to <dataDir>/../<name>-supervisor.log: the children log under
 * <dataDir>/logs, and the data directory is wiped at start.
 */
export async function startStack(name: string, settings: Record<string, string> = {}): Promise<RunningStack> {
  const dataDir = path.resolve(REPO_ROOT, process.env.SUIXIN_DATA_DIR || path.join(".data", `bench-${name}`));
  // One app instance (the test profile runs two): figures stay comparable with earlier runs.
  const env: NodeJS.ProcessEnv = { ...BENCH_PORTS, SUIXIN_APP_INSTANCES: "1", ...process.env, ...settings, SUIXIN_DATA_DIR: dataDir, SUIXIN_LOG: "files" };
  const stackFile = path.join(dataDir, STACK_FILE);
  fs.rmSync(stackFile, { force: true }); // a stale file from a killed run must not count as "up"
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const logFile = `${dataDir}-supervisor.log`;
  const log = fs.openSync(logFile, "w");
  const tsx = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["scripts/stack/main.ts", "--profile", "test"], { cwd: REPO_ROOT, env, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const exited = exitOf(child);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const done = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
      if (!done) {
        // a second signal makes the supervisor SIGKILL its services at once
        child.kill("SIGTERM");
        await exited;
      }
    })();
    return stopping;
  };
  // Ctrl-C on the benchmark: stop the stack before leaving.
  const onSignal = (): void => {
    void stop().then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  process.stdout.write(`starting the stack (profile test, data in ${path.relative(REPO_ROOT, dataDir)}, log ${path.relative(REPO_ROOT, logFile)})…\n`);
  try {
    return await waitUntilUp(child, stackFile, logFile, stop);
  } catch (error) {
    await stop(); // whatever went wrong, leave nothing running
    throw error;
  }
}

async function waitUntilUp(child: ChildProcess, stackFile: string, logFile: string, stop: () => Promise<void>): Promise<RunningStack> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-20).join("\n");
      throw new Error(`the stack exited before it was up:\n${tail}`);
    }
    if (fs.existsSync(stackFile)) {
      const info = readStackInfo(stackFile);
      if (info.supervisorPid > 0) return { info, stop };
    }
    if (Date.now() > deadline) {
      throw new Error(`the stack was not up after ${START_TIMEOUT_MS / 60_000} min (see ${logFile})`);
    }
    await sleep(250);
  }
}
