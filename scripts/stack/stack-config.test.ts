import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const NO_ENV: NodeJS.ProcessEnv = { NODE_ENV: "test" };

import { egressConfigBody } from "./egress";
import { livekitSpec } from "./livekit";
import { roleAndDatabaseSql } from "./postgres";
import { resolveProfile } from "./profile";
import { loadSecrets } from "./secrets";
import { redisConfig, urls } from "./services";

const REPO = path.resolve(__dirname, "..", "..");
const profile = resolveProfile(["--profile", "test"], NO_ENV, REPO);

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "suixin-stack-test-"));
}

describe("secrets", () => {
  it("generates a Redis password with the others, kept in a mode-600 file and stable across starts", () => {
    const dir = tempDir();
    const first = loadSecrets(dir, NO_ENV);
    expect(first.REDIS_PASSWORD).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(first.REDIS_PASSWORD).not.toBe(first.POSTGRES_PASSWORD);
    expect(fs.statSync(path.join(dir, "secrets.env")).mode & 0o777).toBe(0o600);
    expect(loadSecrets(dir, NO_ENV).REDIS_PASSWORD).toBe(first.REDIS_PASSWORD);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("Redis", () => {
  const secrets = { REDIS_PASSWORD: "R3disPasswordForTests0000000000" };

  it("requires the password and listens on loopback only", () => {
    const conf = redisConfig(profile, secrets, "/tmp/x");
    expect(conf).toContain(`requirepass ${secrets.REDIS_PASSWORD}`);
    expect(conf).toContain("bind 127.0.0.1\n");
    expect(conf).toContain("protected-mode yes");
  });

  it("is reached with the password by everything that uses it", () => {
    expect(urls.redis(profile, secrets)).toBe(`redis://:${secrets.REDIS_PASSWORD}@127.0.0.1:${profile.ports.redis}`);
  });
});

describe("LiveKit and Egress configs", () => {
  const secrets = loadSecrets(tempDir(), NO_ENV);

  it("give LiveKit the Redis password in its environment, no secret in its arguments", () => {
    const spec = livekitSpec("/bin/livekit-server", REPO, profile, secrets);
    const argv = spec.args.join(" ");
    for (const secret of [secrets.REDIS_PASSWORD, secrets.LIVEKIT_API_SECRET]) expect(argv).not.toContain(secret);
    const config: unknown = parse(spec.env?.LIVEKIT_CONFIG ?? "");
    expect(config).toMatchObject({ redis: { address: `127.0.0.1:${profile.ports.redis}`, password: secrets.REDIS_PASSWORD } });
  });

  it("give Egress the Redis password, never --disable-web-security, and the sandbox when asked", () => {
    for (const chromeSandbox of [true, false]) {
      const config: unknown = parse(egressConfigBody(REPO, profile, secrets, { chromeSandbox }));
      expect(config).toMatchObject({ redis: { password: secrets.REDIS_PASSWORD }, insecure: false, enable_chrome_sandbox: chromeSandbox });
    }
  });
});

describe("Postgres roles", () => {
  const sql = roleAndDatabaseSql({ POSTGRES_PASSWORD: "pw'quoted" });

  it("make the app's role an ordinary one that owns its database", () => {
    expect(sql).toMatch(/ALTER ROLE suixin WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'pw''quoted';/);
    expect(sql).toContain("ALTER DATABASE suixin OWNER TO suixin;");
    expect(sql).toContain("REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;");
  });

  it("never give the superuser a password (the app's or any)", () => {
    expect(sql).toContain("ALTER ROLE postgres WITH PASSWORD NULL;");
    expect(sql).not.toMatch(/ALTER ROLE postgres WITH PASSWORD '/);
    const source = fs.readFileSync(path.join(__dirname, "postgres.ts"), "utf8");
    expect(source).not.toContain("--pwfile");
  });
});
