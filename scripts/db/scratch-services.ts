// Throwaway PostgreSQL (all migrations applied) and Redis for integration tests: a temp dir,
// free loopback ports, durability off, everything deleted on stop. Never touches DATABASE_URL
// or any other database. Postgres refuses to run as root, so as root it runs as `postgres`.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const PG_ROOT = "/usr/lib/postgresql";

function pgBin(): string {
  const majors = fs.existsSync(PG_ROOT) ? fs.readdirSync(PG_ROOT).filter((v) => fs.existsSync(path.join(PG_ROOT, v, "bin", "initdb"))) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`PostgreSQL server binaries not found under ${PG_ROOT}: run \`npm run setup\``);
  return path.join(PG_ROOT, newest, "bin");
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const [cmd, argv] = asPostgres(command, args);
  execFileSync(cmd, argv, { stdio: ["ignore", "ignore", "pipe"], env, cwd: "/" });
}

export type ScratchPostgres = { url: string; stop: () => void };

export async function startScratchPostgres(): Promise<ScratchPostgres> {
  const bin = pgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suixin-scratch-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const port = await freePort();
  const data = path.join(dir, "pg");
  const stop = () => {
    try {
      run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
    } catch {
      // not running
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(path.join(bin, "initdb"), ["-D", data, "--auth=trust", "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8"]);
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
    run(path.join(bin, "pg_ctl"), ["-D", data, "-w", "-l", path.join(dir, "pg.log"), "-o", options, "start"]);
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    execFileSync(path.join(REPO_ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "pipe"],
    });
    return { url, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

export type ScratchRedis = { url: string; stop: () => void };

export async function startScratchRedis(): Promise<ScratchRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (up) return { url, stop: () => void child.kill("SIGKILL") };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error("redis-server did not start");
}
