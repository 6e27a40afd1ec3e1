// Profiles (dev, test): ports, data directory and log mode, with environment overrides.
import path from "node:path";

import type { LogMode } from "./log";
import type { Ports } from "./stack-file";

export type ProfileName = "dev" | "test";
type PortName = keyof Ports;

export interface Profile {
  name: ProfileName;
  /** absolute */
  dataDir: string;
  /** wipe the data directory at start, so every run is fresh */
  wipe: boolean;
  logMode: LogMode;
  ports: { [K in PortName]: number };
  /** DATABASE_URL given by the environment: no local postgres */
  externalDatabaseUrl: string | undefined;
  /** SUIXIN_SKIP_APP=1: everything but the Next.js app (debugging aid) */
  skipApp: boolean;
  /**
   * App processes on the same database, Redis and LiveKit (SUIXIN_APP_INSTANCES): the first on
   * ports.app, the others on the ports after it. The test profile runs two, so every e2e run is
   * a run against several instances (one leader for the loops, jobs shared).
   */
  appInstances: number;
  /** App settings (lib/env.ts) this profile sets; the environment wins over them. */
  appSettings: Record<string, string>;
}

// Every test browser comes from 127.0.0.1, so per-IP limits would trip across tests; the
// per-account login block is shortened (10 s, then 20 s…) so the limit's tests can see it pass.
// The window stays the production minute: ten logins through a loaded machine's UI can take
// longer than a shortened one.
const TEST_RATE_LIMITS = {
  "login.ip": { points: 100_000 },
  "register.ip": { points: 100_000 },
  "login.account": { growingBlockSeconds: 10 },
  // Chat tests type more than 10 messages per 10 s per user (the limit's own test sends one over this).
  "chat.send": { points: 40 },
};

// Defaults of operator settings (lib/settings/schema.ts) per profile. `npm start` is for trying
// Suixin out, so coins can be topped up for free there; tests also shorten the host's grace
// period (crash handling runs in seconds) and stage invites (the expiry test waits for one), and
// push to local RTMP receivers. Screening keeps its built-in rules here: Chromium's fake camera
// (a green pac-man) scores Drawing ≈0.85–0.9, which they ignore, so no other spec's show is
// flagged; e2e/screening.spec.ts sets a rule for Drawing as an operator would, and its own 3 s
// interval: the other specs' shows are sampled once a minute, not every 15 s, to spare the CPU.
const DEV_SETTINGS = { testTopUpEnabled: true };
const TEST_SETTINGS = {
  hostGraceSeconds: 10,
  testTopUpEnabled: true,
  allowPrivateRtmp: true,
  stageInviteSeconds: 20,
  screeningIntervalSeconds: 60,
};

const APP_SETTINGS: Record<ProfileName, Record<string, string>> = {
  dev: { SUIXIN_RECONCILE_SECONDS: "15", SUIXIN_SETTINGS: JSON.stringify(DEV_SETTINGS) },
  test: {
    SUIXIN_RECONCILE_SECONDS: "2",
    // the dashboard's charts sample every 2 s instead of 30, so a test sees samples arrive
    SUIXIN_METRICS_SAMPLE_SECONDS: "2",
    SUIXIN_CLEANUP_SECONDS: "2",
    SUIXIN_RATE_LIMITS: JSON.stringify(TEST_RATE_LIMITS),
    SUIXIN_SETTINGS: JSON.stringify(TEST_SETTINGS),
  },
};

const DEFAULTS: Record<ProfileName, { ports: Profile["ports"]; dataDir: string; wipe: boolean; logMode: LogMode; appInstances: number }> = {
  dev: {
    ports: { app: 3000, livekitHttp: 7880, livekitRtcTcp: 7881, livekitRtcUdp: 7882, redis: 6379, postgres: 54320, egressHealth: 9090 },
    dataDir: ".data/dev",
    wipe: false,
    logMode: "terminal",
    appInstances: 1,
  },
  test: {
    ports: { app: 3100, livekitHttp: 7980, livekitRtcTcp: 7981, livekitRtcUdp: 7982, redis: 6390, postgres: 54330, egressHealth: 9190 },
    dataDir: ".data/test",
    wipe: true,
    logMode: "files",
    appInstances: 2,
  },
};

/** The environment variable that overrides each port. */
export const PORT_ENV: Record<PortName, string> = {
  app: "PORT",
  livekitHttp: "SUIXIN_LIVEKIT_PORT",
  livekitRtcTcp: "SUIXIN_LIVEKIT_RTC_TCP_PORT",
  livekitRtcUdp: "SUIXIN_LIVEKIT_RTC_UDP_PORT",
  redis: "SUIXIN_REDIS_PORT",
  postgres: "SUIXIN_POSTGRES_PORT",
  egressHealth: "SUIXIN_EGRESS_HEALTH_PORT",
};

const PORT_NAMES: readonly PortName[] = ["app", "livekitHttp", "livekitRtcTcp", "livekitRtcUdp", "redis", "postgres", "egressHealth"];

export const USAGE = "usage: tsx scripts/stack/main.ts --profile dev|test";

function parseProfileArg(argv: readonly string[]): ProfileName {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--profile") value = argv[++i];
    else if (arg?.startsWith("--profile=")) value = arg.slice("--profile=".length);
    else if (arg === "--help" || arg === "-h") throw new Error(USAGE);
    else throw new Error(`unknown argument ${arg ?? ""}\n${USAGE}`);
  }
  value ??= "dev";
  if (value !== "dev" && value !== "test") throw new Error(`unknown profile "${value}"\n${USAGE}`);
  return value;
}

function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}=${raw} is not a port number`);
  return port;
}

export function resolveProfile(argv: readonly string[], env: NodeJS.ProcessEnv, repoRoot: string): Profile {
  const name = parseProfileArg(argv);
  const base = DEFAULTS[name];
  const ports = { ...base.ports };
  for (const key of PORT_NAMES) ports[key] = portFromEnv(env, PORT_ENV[key], base.ports[key]);
  const logEnv = env.SUIXIN_LOG;
  if (logEnv !== undefined && logEnv !== "" && logEnv !== "terminal" && logEnv !== "files") {
    throw new Error(`SUIXIN_LOG must be "terminal" or "files", not "${logEnv}"`);
  }
  const logMode: LogMode = logEnv === "terminal" || logEnv === "files" ? logEnv : base.logMode;
  const instancesEnv = env.SUIXIN_APP_INSTANCES;
  const appInstances = instancesEnv ? Number(instancesEnv) : base.appInstances;
  if (!Number.isInteger(appInstances) || appInstances < 1 || appInstances > 8) {
    throw new Error(`SUIXIN_APP_INSTANCES=${instancesEnv ?? ""} must be a whole number from 1 to 8`);
  }
  return {
    name,
    dataDir: path.resolve(repoRoot, env.SUIXIN_DATA_DIR || base.dataDir),
    wipe: base.wipe,
    logMode,
    ports,
    externalDatabaseUrl: env.DATABASE_URL || undefined,
    skipApp: env.SUIXIN_SKIP_APP === "1",
    appInstances,
    appSettings: Object.fromEntries(
      Object.entries(APP_SETTINGS[name]).map(([key, value]) => [key, env[key] || value]),
    ),
  };
}
