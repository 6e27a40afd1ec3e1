// The stack, in start order. Each step claims its ports (checked before anything starts),
// checks its binaries, then starts and waits until it is ready. Stopping is the reverse order.
import fs from "node:fs";
import path from "node:path";

import { buildIfChanged } from "./build";
import { EGRESS_VERSION, egressPaths, egressSpec, pulseSpec } from "./egress";
import { livekitSpec } from "./livekit";
import * as log from "./log";
import type { PortClaim } from "./ports";
import { ensureCluster, ensureRoleAndDatabase, localDatabaseUrl, pgPaths, pgReadyProbe, postgresSpec } from "./postgres";
import { PORT_ENV } from "./profile";
import type { Profile } from "./profile";
import { commandProbe, httpProbe, redisProbe, waitReady } from "./ready";
import type { Secrets } from "./secrets";
import type { Supervisor } from "./supervisor";
import { livekitServerBinary, nodeBin, requireTool } from "./tools";

export interface StackContext {
  repoRoot: string;
  profile: Profile;
  secrets: Secrets;
  supervisor: Supervisor;
  databaseUrl: string;
}

export interface Step {
  name: string;
  ports: PortClaim[];
  /** throws (e.g. "run `npm run setup`") before anything starts */
  preflight?: () => void;
  /** resolves when ready, optionally with the status line to print */
  run: (ctx: StackContext) => Promise<string | void>;
}

function claim(profile: Profile, key: keyof Profile["ports"], protocol: "tcp" | "udp", label: string, hint?: string): PortClaim {
  return { port: profile.ports[key], protocol, label, envVar: PORT_ENV[key], hint };
}

export const urls = {
  app: (p: Profile) => `http://127.0.0.1:${p.ports.app}`,
  livekitWs: (p: Profile) => `ws://127.0.0.1:${p.ports.livekitHttp}`,
  livekitHttp: (p: Profile) => `http://127.0.0.1:${p.ports.livekitHttp}`,
  redis: (p: Profile) => `redis://127.0.0.1:${p.ports.redis}`,
};

/** The Next.js app's environment (also used for `next build`). */
export function appEnv(ctx: StackContext): Record<string, string> {
  const { profile, secrets } = ctx;
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: ctx.databaseUrl,
    NEXTAUTH_URL: urls.app(profile),
    NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
    LIVEKIT_URL: urls.livekitWs(profile),
    LIVEKIT_API_URL: urls.livekitHttp(profile),
    LIVEKIT_API_KEY: secrets.LIVEKIT_API_KEY,
    LIVEKIT_API_SECRET: secrets.LIVEKIT_API_SECRET,
    REDIS_URL: urls.redis(profile),
    SUIXIN_DATA_DIR: profile.dataDir,
    SUIXIN_PROFILE: profile.name,
    ...profile.appSettings,
  };
}

function postgresStep(profile: Profile): Step {
  return {
    name: "postgres",
    ports: [claim(profile, "postgres", "tcp", "postgres")],
    run: async (ctx) => {
      const pg = pgPaths(profile);
      await ensureCluster(ctx.supervisor, pg, profile, ctx.secrets);
      const child = ctx.supervisor.start(postgresSpec(pg, profile));
      await waitReady(ctx.supervisor, child, pgReadyProbe(pg, profile.ports.postgres), "pg_isready", 30_000);
      ensureRoleAndDatabase(pg, profile.ports.postgres, ctx.secrets);
      ctx.databaseUrl = localDatabaseUrl(profile.ports.postgres, ctx.secrets);
    },
  };
}

const migrateStep: Step = {
  name: "migrate",
  ports: [],
  run: async (ctx) => {
    if (!fs.existsSync(path.join(ctx.repoRoot, "prisma", "migrations"))) {
      log.warn("prisma/migrations not found: skipping `prisma migrate deploy`");
      return "migrations skipped";
    }
    await ctx.supervisor.run({
      name: "migrate",
      command: nodeBin(ctx.repoRoot, "prisma"),
      args: ["migrate", "deploy"],
      cwd: ctx.repoRoot,
      env: { DATABASE_URL: ctx.databaseUrl },
    });
    // The job queue's own schema (graphile_worker), so jobs can be enqueued before any app runs.
    await ctx.supervisor.run({
      name: "migrate-jobs",
      command: nodeBin(ctx.repoRoot, "graphile-worker"),
      args: ["--schema-only"],
      cwd: ctx.repoRoot,
      env: { DATABASE_URL: ctx.databaseUrl },
    });
  },
};

function redisStep(profile: Profile): Step {
  return {
    name: "redis",
    ports: [claim(profile, "redis", "tcp", "redis", "Debian's own redis-server service? `systemctl disable --now redis-server`")],
    run: async (ctx) => {
      const port = String(profile.ports.redis);
      const child = ctx.supervisor.start({
        name: "redis",
        command: "redis-server",
        args: ["--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
        cwd: profile.dataDir,
      });
      await waitReady(ctx.supervisor, child, redisProbe(profile.ports.redis), "PING", 15_000);
    },
  };
}

function livekitStep(profile: Profile): Step {
  let binary = "";
  return {
    name: "livekit",
    ports: [
      claim(profile, "livekitHttp", "tcp", "livekit http"),
      claim(profile, "livekitRtcTcp", "tcp", "livekit rtc tcp"),
      claim(profile, "livekitRtcUdp", "udp", "livekit rtc udp"),
    ],
    preflight: () => {
      binary = livekitServerBinary(process.env);
    },
    run: async (ctx) => {
      const child = ctx.supervisor.start(livekitSpec(binary, ctx.repoRoot, profile, ctx.secrets));
      await waitReady(ctx.supervisor, child, httpProbe(`${urls.livekitHttp(profile)}/`), "GET /", 30_000);
    },
  };
}

/** PulseAudio for RoomComposite jobs: Egress's Chromium plays the room's audio into it. */
function pulseStep(profile: Profile): Step {
  return {
    name: "pulseaudio",
    ports: [],
    run: async (ctx) => {
      const paths = egressPaths(profile);
      fs.mkdirSync(paths.pulseRuntime, { recursive: true, mode: 0o700 });
      fs.chmodSync(paths.pulseRuntime, 0o700); // pulseaudio refuses a runtime dir others can read
      const child = ctx.supervisor.start(pulseSpec(profile));
      const probe = commandProbe("pactl", ["info"], { PULSE_SERVER: paths.pulseServer });
      await waitReady(ctx.supervisor, child, probe, "pactl info", 15_000);
      return `pulseaudio ready on ${paths.pulseServer}`;
    },
  };
}

function egressStep(profile: Profile): Step {
  let binary = "";
  return {
    name: "egress",
    ports: [claim(profile, "egressHealth", "tcp", "egress template server (readiness)")],
    preflight: () => {
      binary = requireTool(process.env, `egress-${EGRESS_VERSION}`, "egress");
    },
    run: async (ctx) => {
      const paths = egressPaths(profile);
      fs.rmSync(paths.tmp, { recursive: true, force: true });
      fs.mkdirSync(paths.tmp, { recursive: true });
      fs.mkdirSync(paths.outputs, { recursive: true });
      const child = ctx.supervisor.start(egressSpec(binary, ctx.repoRoot, profile, ctx.secrets));
      // The template server starts right before the service registers for requests on Redis.
      await waitReady(ctx.supervisor, child, httpProbe(`http://127.0.0.1:${profile.ports.egressHealth}/`), "template server", 30_000);
    },
  };
}

function appStep(repoRoot: string, profile: Profile): Step {
  return {
    name: "app",
    ports: [claim(profile, "app", "tcp", "app")],
    preflight: () => {
      nodeBin(repoRoot, "next");
      nodeBin(repoRoot, "tsx");
    },
    run: async (ctx) => {
      const env = appEnv(ctx);
      await buildIfChanged(ctx.supervisor, ctx.repoRoot, env);
      const child = ctx.supervisor.start({
        name: "app",
        // Next.js behind the app's shared cache for the room list (server.ts), not `next start`.
        command: nodeBin(ctx.repoRoot, "tsx"),
        args: ["server.ts", "-p", String(profile.ports.app), "-H", "127.0.0.1"],
        cwd: ctx.repoRoot,
        env,
      });
      await waitReady(ctx.supervisor, child, httpProbe(`${urls.app(profile)}/api/health`), "GET /api/health → 200", 120_000);
    },
  };
}

/** Start order. */
export function stackSteps(repoRoot: string, profile: Profile): Step[] {
  const steps: Step[] = [];
  if (!profile.externalDatabaseUrl) steps.push(postgresStep(profile));
  steps.push(migrateStep, redisStep(profile), livekitStep(profile));

  // Egress after LiveKit (it registers on the same Redis) and before the app (the app's
  // layout page is only fetched when a composite job starts).
  steps.push(pulseStep(profile), egressStep(profile));

  if (!profile.skipApp) steps.push(appStep(repoRoot, profile));
  return steps;
}
