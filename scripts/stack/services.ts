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
import { chownTree, ensureReachable, ownedDir, runnableBy, userNamespacesWork } from "./service-user";
import type { OsUser } from "./service-user";
import type { SpawnSpec, Supervisor } from "./supervisor";
import { LIVEKIT_VERSION, livekitServerBinary, nodeBin, requireTool } from "./tools";

export interface StackContext {
  repoRoot: string;
  profile: Profile;
  secrets: Secrets;
  supervisor: Supervisor;
  databaseUrl: string;
  /** who the app, Egress, LiveKit, Redis and PulseAudio run as (undefined: as the supervisor) */
  serviceUser: OsUser | undefined;
  /** Egress's Chromium runs with its sandbox (decided by the egress step) */
  chromeSandbox: boolean;
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

/** App instance i (0-based) listens on the port i places after ports.app. */
export function appPort(p: Profile, instance: number): number {
  return p.ports.app + instance;
}

/** Supervisor name of app instance i: "app", "app-2", … (also its log file). */
export function appName(instance: number): string {
  return instance === 0 ? "app" : `app-${instance + 1}`;
}

export const urls = {
  app: (p: Profile) => `http://127.0.0.1:${p.ports.app}`,
  apps: (p: Profile) => Array.from({ length: p.appInstances }, (_, i) => `http://127.0.0.1:${appPort(p, i)}`),
  livekitWs: (p: Profile) => `ws://127.0.0.1:${p.ports.livekitHttp}`,
  livekitHttp: (p: Profile) => `http://127.0.0.1:${p.ports.livekitHttp}`,
  redis: (p: Profile, secrets: Pick<Secrets, "REDIS_PASSWORD">) => `redis://:${secrets.REDIS_PASSWORD}@127.0.0.1:${p.ports.redis}`,
};

/** <dataDir>/run: runtime state of the services (owned by the service user). */
export function runDir(profile: Profile): string {
  return path.join(profile.dataDir, "run");
}

type ServiceContext = Pick<StackContext, "serviceUser" | "profile">;

/** The environment of a service process: the system user has no home of its own, so it gets one. */
function serviceEnv(ctx: ServiceContext): Record<string, string> {
  const user = ctx.serviceUser;
  return user ? { HOME: path.join(runDir(ctx.profile), "home"), USER: user.name, LOGNAME: user.name } : {};
}

function serviceIds(ctx: ServiceContext): { uid: number; gid: number } | undefined {
  return ctx.serviceUser ? { uid: ctx.serviceUser.uid, gid: ctx.serviceUser.gid } : undefined;
}

/** `spec`, run as the service user (when there is one). */
export function asService(ctx: ServiceContext, spec: SpawnSpec): SpawnSpec {
  if (!ctx.serviceUser) return spec;
  return { ...spec, user: serviceIds(ctx), env: { ...spec.env, ...serviceEnv(ctx) } };
}

/**
 * Folders the services write to, owned by the service user; the data directory itself stays
 * root's (it holds secrets.env and the Postgres cluster). Both OS users must reach the project.
 */
export function prepareServiceDirs(ctx: Pick<StackContext, "serviceUser" | "profile" | "repoRoot">): void {
  const user = ctx.serviceUser;
  if (user) {
    ensureReachable(user, ctx.repoRoot);
    ensureReachable(user, ctx.profile.dataDir);
  }
  const writable = [runDir(ctx.profile), path.join(ctx.profile.dataDir, "covers"), egressPaths(ctx.profile).outputs];
  for (const dir of writable) {
    ownedDir(user, dir);
    // a data dir kept from a run whose services were root's (dev) holds root-owned files
    if (user) chownTree(user, dir);
  }
  ownedDir(user, path.join(runDir(ctx.profile), "home"), 0o700);
}

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
    REDIS_URL: urls.redis(profile, secrets),
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
      await ensureCluster(ctx.supervisor, pg, profile);
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

/** redis.conf for the stack's Redis: loopback only, a password, no persistence. */
export function redisConfig(profile: Profile, secrets: Pick<Secrets, "REDIS_PASSWORD">, dir: string): string {
  return [
    `port ${profile.ports.redis}`,
    "bind 127.0.0.1",
    "protected-mode yes",
    `requirepass ${secrets.REDIS_PASSWORD}`,
    'save ""',
    "appendonly no",
    "daemonize no",
    `dir ${dir}`,
    "",
  ].join("\n");
}

function redisStep(profile: Profile): Step {
  return {
    name: "redis",
    ports: [claim(profile, "redis", "tcp", "redis", "Debian's own redis-server service? `systemctl stop redis-server`")],
    run: async (ctx) => {
      // The password goes in a file only the service user reads, not on a command line.
      const dir = ownedDir(ctx.serviceUser, path.join(runDir(profile), "redis"), 0o700);
      const conf = path.join(dir, "redis.conf");
      fs.writeFileSync(conf, redisConfig(profile, ctx.secrets, dir), { mode: 0o600 });
      if (ctx.serviceUser) fs.chownSync(conf, ctx.serviceUser.uid, ctx.serviceUser.gid);
      const child = ctx.supervisor.start(asService(ctx, { name: "redis", command: "redis-server", args: [conf], cwd: dir }));
      await waitReady(ctx.supervisor, child, redisProbe(profile.ports.redis, ctx.secrets.REDIS_PASSWORD), "AUTH + PING", 15_000);
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
      const runnable = runnableBy(ctx.serviceUser, binary, `livekit-server-${LIVEKIT_VERSION}`);
      const child = ctx.supervisor.start(asService(ctx, livekitSpec(runnable, ctx.repoRoot, profile, ctx.secrets)));
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
      ownedDir(ctx.serviceUser, paths.pulseRuntime, 0o700); // pulseaudio refuses a runtime dir others can read
      const child = ctx.supervisor.start(asService(ctx, pulseSpec(profile)));
      // as the same user (and home, where the auth cookie is): the way Egress will connect
      const probe = commandProbe("pactl", ["info"], { PULSE_SERVER: paths.pulseServer, ...serviceEnv(ctx) }, serviceIds(ctx));
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
      ownedDir(ctx.serviceUser, paths.tmp, 0o700);
      ctx.chromeSandbox = userNamespacesWork(ctx.serviceUser);
      if (!ctx.chromeSandbox) {
        log.warn(
          `Egress's Chromium runs without its sandbox: this kernel does not let ${ctx.serviceUser?.name ?? "this user"} create user namespaces ` +
            "(kernel.unprivileged_userns_clone, user.max_user_namespaces or AppArmor's apparmor_restrict_unprivileged_userns)",
        );
      }
      const runnable = runnableBy(ctx.serviceUser, binary, `egress-${EGRESS_VERSION}`);
      const child = ctx.supervisor.start(asService(ctx, egressSpec(runnable, ctx.repoRoot, profile, ctx.secrets, { chromeSandbox: ctx.chromeSandbox })));
      // The template server starts right before the service registers for requests on Redis.
      await waitReady(ctx.supervisor, child, httpProbe(`http://127.0.0.1:${profile.ports.egressHealth}/`), "template server", 30_000);
      return `egress ready on 127.0.0.1:${profile.ports.egressHealth} (Chromium sandbox ${ctx.chromeSandbox ? "on" : "off"})`;
    },
  };
}

function appStep(repoRoot: string, profile: Profile): Step {
  const ports = Array.from({ length: profile.appInstances }, (_, i): PortClaim =>
    i === 0 ? claim(profile, "app", "tcp", "app") : { ...claim(profile, "app", "tcp", `app instance ${i + 1}`), port: appPort(profile, i) },
  );
  return {
    name: "app",
    ports,
    preflight: () => {
      nodeBin(repoRoot, "next");
      nodeBin(repoRoot, "tsx");
    },
    run: async (ctx) => {
      const env = appEnv(ctx);
      await buildIfChanged(ctx.supervisor, ctx.repoRoot, env);
      // The build is root's; the running apps write their caches (and regenerated pages) into it.
      if (ctx.serviceUser) chownTree(ctx.serviceUser, path.join(ctx.repoRoot, ".next"));
      // One after the other: each instance is ready before the next starts (the first leads).
      for (let i = 0; i < profile.appInstances; i++) {
        const port = appPort(profile, i);
        const child = ctx.supervisor.start(
          asService(ctx, {
            name: appName(i),
            // Next.js with the room list's shared cache in front (server.ts), where `next start`
            // would serve it alone: see README, "A shared cache in front of Next". tsx as a loader of
            // this one process (no wrapper process between the supervisor and the server).
            command: process.execPath,
            args: ["--import", "tsx", "server.ts", "-p", String(port), "-H", "127.0.0.1"],
            cwd: ctx.repoRoot,
            env,
            // Instances are interchangeable and the queue and loops survive one going away:
            // a crashed instance is started again rather than taking the stack down.
            restart: { initialDelayMs: 500, maxDelayMs: 10_000 },
          }),
        );
        await waitReady(ctx.supervisor, child, httpProbe(`http://127.0.0.1:${port}/api/health`), "GET /api/health → 200", 120_000);
      }
      return profile.appInstances > 1
        ? `app ready on ${urls.apps(profile).join(", ")} (${profile.appInstances} instances)`
        : `app ready on ${urls.app(profile)}`;
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
