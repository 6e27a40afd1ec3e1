// The Suixin stack supervisor: postgres, redis, livekit, pulseaudio + egress and the Next.js app,
// started in order, watched, and stopped together.
//
//   tsx scripts/stack/main.ts --profile dev|test
//
// Environment: PORT, SUIXIN_{LIVEKIT,LIVEKIT_RTC_TCP,LIVEKIT_RTC_UDP,REDIS,POSTGRES,EGRESS_HEALTH}_PORT,
// DATABASE_URL (use that server instead of a local cluster), LIVEKIT_API_KEY / LIVEKIT_API_SECRET,
// NEXTAUTH_SECRET, POSTGRES_PASSWORD, SUIXIN_DATA_DIR, SUIXIN_TOOLS_DIR, SUIXIN_LOG=terminal|files,
// SUIXIN_SKIP_APP=1 (everything but the app; a debugging aid).
import fs from "node:fs";
import path from "node:path";

import { ChildLogs, error, status, warn } from "./log";
import { assertPortsFree } from "./ports";
import { resolveProfile } from "./profile";
import type { Profile } from "./profile";
import { clearRunState, reapLeftovers, recordChildren } from "./run-state";
import { loadSecrets } from "./secrets";
import { serviceUser } from "./service-user";
import { prepareServiceDirs, stackSteps, urls } from "./services";
import type { StackContext, Step } from "./services";
import { removeStackInfo, writeStackInfo } from "./stack-file";
import { Supervisor, describeExit } from "./supervisor";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const MARKER = ".suixin-data";

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

/** Creates the data directory; the test profile starts from an empty one. */
function prepareDataDir(profile: Profile): void {
  const dir = profile.dataDir;
  if (profile.wipe && fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`refusing to wipe ${dir}: it was not made by the Suixin stack (no ${MARKER} file)`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755); // the postgres user must traverse it; secrets inside are mode 600
  fs.writeFileSync(path.join(dir, MARKER), "Data of a Suixin stack (scripts/stack). The test profile wipes this directory.\n");
}

function readyLine(step: Step, profile: Profile, since: number): string {
  const first = step.ports[0];
  if (step.name === "migrate") return `migrations applied (${seconds(since)})`;
  if (step.name === "app") return `app ready on ${urls.app(profile)} (${seconds(since)})`;
  return `${step.name} ready${first ? ` on 127.0.0.1:${first.port}` : ""} (${seconds(since)})`;
}

async function main(): Promise<number> {
  const profile = resolveProfile(process.argv.slice(2), process.env, REPO_ROOT);
  const shownDir = path.relative(REPO_ROOT, profile.dataDir) || ".";
  status(`profile ${profile.name}: data in ${shownDir}${profile.wipe ? " (wiped)" : ""}${profile.logMode === "files" ? `, logs in ${shownDir}/logs` : ""}`);

  await reapLeftovers(profile.dataDir);
  const user = serviceUser(process.env);
  const steps = stackSteps(REPO_ROOT, profile);
  for (const step of steps) step.preflight?.();
  await assertPortsFree(steps.flatMap((step) => step.ports));
  prepareDataDir(profile);
  if (profile.externalDatabaseUrl) warn("DATABASE_URL is set: using that database, no local postgres");
  if (profile.skipApp) warn("SUIXIN_SKIP_APP=1: the Next.js app is not started");
  const secrets = loadSecrets(profile.dataDir, process.env);

  const logs = new ChildLogs(profile.logMode, path.join(profile.dataDir, "logs"));
  const supervisor = new Supervisor(logs, (children) => recordChildren(profile.dataDir, children));
  const cleanUp = (): void => {
    removeStackInfo(profile.dataDir);
    clearRunState(profile.dataDir);
  };

  let signalled: Promise<number> | undefined;
  let firstSignalAt = 0;
  let stopRequested: (code: Promise<number>) => void = () => undefined;
  const stopRequest = new Promise<number>((resolve) => (stopRequested = resolve));
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      if (Date.now() - firstSignalAt < 1_000) return; // the same stop request relayed twice (tsx, npm)
      status(`${signal} again: killing everything now`);
      supervisor.killAll();
      cleanUp();
      process.exit(130);
    }
    firstSignalAt = Date.now();
    status(`${signal}: stopping…`);
    signalled = supervisor.stop().then(() => {
      cleanUp();
      status("stopped");
      return 0;
    });
    stopRequested(signalled);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, onSignal);
  process.on("uncaughtException", (err) => {
    error(`supervisor crashed: ${err.stack ?? err.message}`);
    supervisor.killAll();
    cleanUp();
    process.exit(1);
  });

  const failed = supervisor.unexpectedExit.then((exit) => {
    throw new Error(`${exit.name} exited unexpectedly (${describeExit(exit)})${supervisor.logTail(exit.name)}`);
  });
  failed.catch(() => undefined); // observed below; avoid an unhandled rejection meanwhile

  const ctx: StackContext = {
    repoRoot: REPO_ROOT,
    profile,
    secrets,
    supervisor,
    databaseUrl: profile.externalDatabaseUrl ?? "",
    serviceUser: user,
    chromeSandbox: false,
  };
  const started = Date.now();
  try {
    prepareServiceDirs(ctx);
    status(user ? `services run as ${user.name} (uid ${user.uid}); postgres as postgres` : "not root: every service runs as this user");
    for (const step of steps) {
      const since = Date.now();
      const line = await Promise.race([step.run(ctx), failed]);
      status(line ? `${line} (${seconds(since)})` : readyLine(step, profile, since));
    }
  } catch (err) {
    if (signalled) return signalled;
    error(message(err));
    status("stopping what was started…");
    await supervisor.stop();
    cleanUp();
    return 1;
  }
  if (signalled) return signalled;

  const file = writeStackInfo(profile.dataDir, {
    profile: profile.name,
    appUrl: urls.app(profile),
    appUrls: profile.skipApp ? [] : urls.apps(profile),
    livekit: {
      wsUrl: urls.livekitWs(profile),
      httpUrl: urls.livekitHttp(profile),
      apiKey: secrets.LIVEKIT_API_KEY,
      apiSecret: secrets.LIVEKIT_API_SECRET,
    },
    databaseUrl: ctx.databaseUrl,
    redisUrl: urls.redis(profile, secrets),
    dataDir: profile.dataDir,
    ports: { ...profile.ports, postgres: profile.externalDatabaseUrl ? null : profile.ports.postgres },
    services: supervisor.children().map((child) => child.spec.name),
    security: { serviceUser: user?.name ?? null, chromeSandbox: ctx.chromeSandbox },
    supervisorPid: process.pid,
    startedAt: new Date().toISOString(),
  });
  status(`stack info in ${path.relative(REPO_ROOT, file)} (started in ${seconds(started)})`);
  status(profile.skipApp ? `Suixin is up without the app (livekit ${urls.livekitWs(profile)})` : `Suixin is up: ${urls.app(profile)}`);

  try {
    // Runs until a signal (then: wait for the orderly stop) or a child's unexpected exit.
    return await Promise.race([stopRequest, failed]);
  } catch (err) {
    if (signalled) return signalled;
    error(message(err));
    status("stopping the rest…");
    await supervisor.stop();
    cleanUp();
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    error(message(err));
    process.exit(1);
  },
);
