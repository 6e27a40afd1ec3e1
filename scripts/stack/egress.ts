// LiveKit Egress and the PulseAudio server its RoomComposite jobs need (scripts/setup/EGRESS.md).
// egress.yaml from the repo, with the profile's ports, keys, Redis and app URL filled in.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { parse, stringify } from "yaml";

import { isMap, section } from "./livekit";
import type { Profile } from "./profile";
import type { Secrets } from "./secrets";
import type { SpawnSpec } from "./supervisor";

export const EGRESS_VERSION = "v1.8.6";
/** The page of our app that Egress's Chromium renders for RoomComposite jobs. */
export const LAYOUT_PATH = "/egress/layout";

/** Runtime folders under the data directory (outputs go to <dataDir>/egress, see lib/egress). */
export function egressPaths(profile: Profile) {
  const run = path.join(profile.dataDir, "run");
  const pulseRuntime = path.join(run, "pulse-xdg");
  return {
    pulseRuntime,
    pulseServer: `unix:${path.join(pulseRuntime, "pulse", "native")}`,
    // Each job's Chromium puts a unix socket at $TMPDIR/EGH_<id>/org.chromium.Chromium.XXXXXX/
    // SingletonSocket, and socket paths are limited to 107 bytes: a data directory deeper than ~40
    // characters makes every composite job fail ("Socket path too long"). So a short folder per
    // data directory under the system temp dir, emptied at each start (jobs leave EGH_<id>/ behind).
    tmp: path.join(os.tmpdir(), `suixin-egress-${crypto.createHash("sha256").update(profile.dataDir).digest("hex").slice(0, 8)}`),
    outputs: path.join(profile.dataDir, "egress"),
  };
}

export interface EgressOptions {
  /** Chromium's own sandbox (needs user namespaces for an unprivileged user; see service-user.ts) */
  chromeSandbox: boolean;
}

export function egressConfigBody(repoRoot: string, profile: Profile, secrets: Secrets, options: EgressOptions): string {
  const file = path.join(repoRoot, "egress.yaml");
  const doc: unknown = parse(fs.readFileSync(file, "utf8"));
  if (!isMap(doc)) throw new Error(`${file} is not a YAML mapping`);
  if ("api_key" in doc || "api_secret" in doc) {
    throw new Error(`${file} must not contain api_key/api_secret: they come from the stack's secrets`);
  }
  doc.api_key = secrets.LIVEKIT_API_KEY;
  doc.api_secret = secrets.LIVEKIT_API_SECRET;
  doc.ws_url = `ws://127.0.0.1:${profile.ports.livekitHttp}`;
  const redis = section(doc, "redis");
  redis.address = `127.0.0.1:${profile.ports.redis}`;
  redis.password = secrets.REDIS_PASSWORD;
  doc.enable_chrome_sandbox = options.chromeSandbox;
  // `insecure` would start Chromium with --disable-web-security: never (a ws:// LiveKit needs no such thing).
  doc.insecure = false;
  doc.template_base = `http://127.0.0.1:${profile.ports.app}${LAYOUT_PATH}`;
  doc.template_port = profile.ports.egressHealth;
  // health_port would bind every interface (":port" in v1.8.6): readiness uses template_port instead.
  delete doc.health_port;
  return stringify(doc);
}

export function pulseSpec(profile: Profile): SpawnSpec {
  const paths = egressPaths(profile);
  return {
    name: "pulseaudio",
    command: "pulseaudio",
    // a per-user daemon in a runtime dir of ours (as root it only warns); never exits on idle
    args: ["--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--log-target=stderr"],
    cwd: profile.dataDir,
    env: { XDG_RUNTIME_DIR: paths.pulseRuntime, PULSE_SERVER: undefined },
  };
}

export function egressSpec(binary: string, repoRoot: string, profile: Profile, secrets: Secrets, options: EgressOptions): SpawnSpec {
  const paths = egressPaths(profile);
  return {
    name: "egress",
    command: binary,
    args: [],
    cwd: profile.dataDir,
    // SIGTERM waits for jobs to end (never, while a show is live); SIGINT stops and finalizes them.
    stopSignal: "SIGINT",
    stopGraceMs: 15_000,
    // Egress exits on any job error by design (it expects to be restarted).
    restart: { initialDelayMs: 500, maxDelayMs: 10_000 },
    env: {
      // the service starts each job as `egress run-handler`, found through PATH
      PATH: `${path.dirname(binary)}:${process.env.PATH ?? "/usr/bin:/bin"}`,
      TMPDIR: paths.tmp,
      PULSE_SERVER: paths.pulseServer,
      EGRESS_CONFIG_BODY: egressConfigBody(repoRoot, profile, secrets, options),
      EGRESS_CONFIG_FILE: undefined,
      LIVEKIT_API_KEY: undefined,
      LIVEKIT_API_SECRET: undefined,
      LIVEKIT_WS_URL: undefined,
    },
  };
}
