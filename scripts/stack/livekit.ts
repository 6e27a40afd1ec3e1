// The LiveKit server: livekit.yaml from the repo, with the profile's ports, Redis and webhook.
import fs from "node:fs";
import path from "node:path";

import { parse, stringify } from "yaml";

import type { Profile } from "./profile";
import type { Secrets } from "./secrets";
import type { SpawnSpec } from "./supervisor";

export type YamlMap = Record<string, unknown>;

export function isMap(value: unknown): value is YamlMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function section(parent: YamlMap, key: string): YamlMap {
  const existing = parent[key];
  if (isMap(existing)) return existing;
  const created: YamlMap = {};
  parent[key] = created;
  return created;
}

export function webhookUrl(profile: Profile): string {
  return `http://127.0.0.1:${profile.ports.app}/api/livekit/webhook`;
}

/** livekit.yaml with the overrides applied, as YAML text for --config-body. */
export function livekitConfigBody(repoRoot: string, profile: Profile, secrets: Secrets): string {
  const file = path.join(repoRoot, "livekit.yaml");
  const doc: unknown = parse(fs.readFileSync(file, "utf8"));
  if (!isMap(doc)) throw new Error(`${file} is not a YAML mapping`);
  if ("keys" in doc || "key_file" in doc) {
    throw new Error(`${file} must not contain keys: they come from the environment (LIVEKIT_KEYS)`);
  }
  doc.port = profile.ports.livekitHttp;
  const rtc = section(doc, "rtc");
  rtc.tcp_port = profile.ports.livekitRtcTcp;
  rtc.udp_port = profile.ports.livekitRtcUdp;
  const redis = section(doc, "redis");
  redis.address = `127.0.0.1:${profile.ports.redis}`;
  redis.password = secrets.REDIS_PASSWORD;
  const webhook = section(doc, "webhook");
  webhook.api_key = secrets.LIVEKIT_API_KEY;
  webhook.urls = [webhookUrl(profile)];
  return stringify(doc);
}

export function livekitSpec(binary: string, repoRoot: string, profile: Profile, secrets: Secrets): SpawnSpec {
  return {
    name: "livekit",
    command: binary,
    // The config (with the Redis password) goes in the environment, which only the same user and
    // root can read, not on the command line, which every local user can (/proc/<pid>/cmdline).
    args: [],
    cwd: profile.dataDir,
    // the first SIGTERM waits for rooms to drain; a second one closes them now
    repeatStopAfterMs: 1_000,
    env: {
      LIVEKIT_KEYS: `${secrets.LIVEKIT_API_KEY}: ${secrets.LIVEKIT_API_SECRET}`,
      LIVEKIT_CONFIG: livekitConfigBody(repoRoot, profile, secrets),
      // flags read from the environment would override the config: keep them out
      NODE_IP: undefined,
      UDP_PORT: undefined,
      REDIS_HOST: undefined,
      REDIS_PASSWORD: undefined,
    },
  };
}
