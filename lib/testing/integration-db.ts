// Vitest globalSetup of the integration tests (lib/**/*.int.test.ts): a throwaway PostgreSQL
// cluster in a temp dir on SUIXIN_SCRATCH_PG_PORT, with the migrations and the job queue's schema
// applied, run by the `postgres` OS user (Postgres refuses root). Deleted afterwards. It never
// touches DATABASE_URL or any other database.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

function pgBin(): string {
  const base = "/usr/lib/postgresql";
  const majors = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin", "postgres"))) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`PostgreSQL server binaries not found under ${base}: run \`npm run setup\``);
  return path.join(base, newest, "bin");
}

function asPostgres(command: string, args: string[]): void {
  const result = spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: ["ignore", "ignore", "pipe"], cwd: "/" });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr.toString().trim()}`);
}

export default function setup(): () => void {
  const port = process.env.SUIXIN_SCRATCH_PG_PORT || "54398";
  const bin = pgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suixin-int-"));
  fs.chmodSync(dir, 0o755);
  execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "pg");
  const stop = () => {
    spawnSync("runuser", ["-u", "postgres", "--", path.join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop"], { stdio: "ignore", cwd: "/" });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    asPostgres(path.join(bin, "initdb"), ["-D", data, "--auth=trust", "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8"]);
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off`;
    asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-w", "-l", path.join(dir, "pg.log"), "-o", options, "start"]);
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const env = { ...process.env, DATABASE_URL: url };
    execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
    execFileSync(path.join(root, "node_modules", ".bin", "graphile-worker"), ["--schema-only"], { cwd: root, env, stdio: "ignore" });
    // What lib/env.ts wants; nothing here reaches LiveKit or Redis.
    Object.assign(process.env, {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: "integration-tests-secret-0123456789abcdef",
      LIVEKIT_URL: "ws://127.0.0.1:9",
      LIVEKIT_API_URL: "http://127.0.0.1:9",
      LIVEKIT_API_KEY: "integration",
      LIVEKIT_API_SECRET: "integration-tests-livekit-secret-0123456789",
      REDIS_URL: "redis://127.0.0.1:9",
      SUIXIN_DATA_DIR: dir,
      SUIXIN_SETTINGS: JSON.stringify({ hostGraceSeconds: 10 }),
    });
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
