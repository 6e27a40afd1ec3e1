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
  /** App settings (lib/env.ts) this profile sets; the environment wins over them. */
  appSettings: Record<string, string>;
}

// Every test browser comes from 127.0.0.1, so per-IP limits would trip across tests; the
// per-account login window is shortened so the limit's test can see it pass.
const TEST_RATE_LIMITS = {
  "login.ip": { points: 100_000 },
  "register.ip": { points: 100_000 },
  "login.account": { durationSeconds: 10, growingBlockSeconds: 10 },
};

// Defaults of operator settings (lib/settings/schema.ts) per profile. `npm start` is for trying
// Suixin out, so coins can be topped up for free there; tests also shorten the host's grace
// period (crash handling runs in seconds) and push to local RTMP receivers.
const DEV_SETTINGS = { testTopUpEnabled: true };
const TEST_SETTINGS = { hostGraceSeconds: 10, testTopUpEnabled: true, allowPrivateRtmp: true };

const APP_SETTINGS: Record<ProfileName, Record<string, string>> = {
  dev: { SUIXIN_RECONCILE_SECONDS: "15", SUIXIN_SETTINGS: JSON.stringify(DEV_SETTINGS) },
  test: {
    SUIXIN_RECONCILE_SECONDS: "2",
    // the dashboard's charts sample every 2 s instead of 30, so a test sees samples arrive
    SUIXIN_METRICS_SAMPLE_SECONDS: "2",
    SUIXIN_RATE_LIMITS: JSON.stringify(TEST_RATE_LIMITS),
    SUIXIN_SETTINGS: JSON.stringify(TEST_SETTINGS),
  },
};

const DEFAULTS: Record<ProfileName, { ports: Profile["ports"]; dataDir: string; wipe: boolean; logMode: LogMode }> = {
  dev: {
    ports: { app: 3000, livekitHttp: 7880, livekitRtcTcp: 7881, livekitRtcUdp: 7882, redis: 6379, postgres: 54320, egressHealth: 9090 },
    dataDir: ".data/dev",
    wipe: false,
    logMode: "terminal",
  },
  test: {
    ports: { app: 3100, livekitHttp: 7980, livekitRtcTcp: 7981, livekitRtcUdp: 7982, redis: 6390, postgres: 54330, egressHealth: 9190 },
    dataDir: ".data/test",
    wipe: true,
    logMode: "files",
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
  return {
    name,
    dataDir: path.resolve(repoRoot, env.SUIXIN_DATA_DIR || base.dataDir),
    wipe: base.wipe,
    logMode,
    ports,
    externalDatabaseUrl: env.DATABASE_URL || undefined,
    skipApp: env.SUIXIN_SKIP_APP === "1",
    appSettings: Object.fromEntries(
      Object.entries(APP_SETTINGS[name]).map(([key, value]) => [key, env[key] || value]),
    ),
  };
}
