// A project-local PostgreSQL cluster in <datadir>/pg, run by the `postgres` OS user
// (initdb and postgres refuse root) in the foreground, as a supervised child.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import * as log from "./log";
import type { Profile } from "./profile";
import type { Secrets } from "./secrets";
import type { SpawnSpec, Supervisor } from "./supervisor";

export const DB_NAME = "suixin";
export const DB_USER = "suixin";

export interface PgPaths {
  bin: string;
  data: string;
  socketDir: string;
  user: { uid: number; gid: number; home: string };
}

/** The newest /usr/lib/postgresql/<major>/bin (Debian's layout). */
function findPgBin(): string {
  const root = "/usr/lib/postgresql";
  const majors = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "postgres")))
    : [];
  majors.sort((a, b) => Number(b) - Number(a));
  const newest = majors[0];
  if (newest === undefined) throw new Error(`PostgreSQL server binaries not found under ${root}: run \`npm run setup\``);
  return path.join(root, newest, "bin");
}

function postgresUser(): PgPaths["user"] {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  const [, , uid, gid, , home] = line?.split(":") ?? [];
  if (!uid || !gid) throw new Error("no `postgres` OS user (Debian's postgresql package creates it): run `npm run setup`");
  return { uid: Number(uid), gid: Number(gid), home: home || "/var/lib/postgresql" };
}

export function pgPaths(profile: Profile): PgPaths {
  return {
    bin: findPgBin(),
    data: path.join(profile.dataDir, "pg"),
    socketDir: path.join(profile.dataDir, "pg-run"),
    user: postgresUser(),
  };
}

function asPostgres(pg: PgPaths): { uid: number; gid: number } {
  return { uid: pg.user.uid, gid: pg.user.gid };
}

function pgEnv(pg: PgPaths): Record<string, string | undefined> {
  return { HOME: pg.user.home, USER: "postgres", LOGNAME: "postgres", PGDATA: undefined, LC_ALL: "C.UTF-8" };
}

/** The postgres user must be able to reach <datadir>/pg: add o+x to ancestors that lack it. */
function ensureTraversable(pg: PgPaths, dir: string): void {
  const probe = spawnSync("test", ["-x", dir], { ...asPostgres(pg), cwd: "/", stdio: "ignore" });
  if (probe.status === 0) return;
  const chain: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    chain.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of chain) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(d, mode | 0o001);
      log.status(`postgres: made ${d} traversable for the postgres user (o+x)`);
    }
  }
}

function chownToPostgres(pg: PgPaths, dir: string, mode: number): void {
  fs.mkdirSync(dir, { recursive: true, mode });
  fs.chownSync(dir, pg.user.uid, pg.user.gid);
  fs.chmodSync(dir, mode);
}

/** initdb into <datadir>/pg once (into a temporary directory, renamed when complete). */
export async function ensureCluster(supervisor: Supervisor, pg: PgPaths, profile: Profile, secrets: Secrets): Promise<void> {
  ensureTraversable(pg, profile.dataDir);
  chownToPostgres(pg, pg.socketDir, 0o700);
  const versionFile = path.join(pg.data, "PG_VERSION");
  const major = path.basename(path.dirname(pg.bin));
  if (fs.existsSync(versionFile)) {
    const clusterMajor = fs.readFileSync(versionFile, "utf8").trim();
    if (clusterMajor !== major) {
      throw new Error(`${pg.data} was made by PostgreSQL ${clusterMajor}, this machine has ${major}: remove it or upgrade it`);
    }
    return;
  }
  const staging = `${pg.data}.init`;
  fs.rmSync(staging, { recursive: true, force: true });
  chownToPostgres(pg, staging, 0o700);
  const pwFile = path.join(profile.dataDir, ".pg-initpw");
  fs.writeFileSync(pwFile, `${secrets.POSTGRES_PASSWORD}\n`, { mode: 0o600 });
  fs.chownSync(pwFile, pg.user.uid, pg.user.gid);
  log.status(`postgres: creating a cluster in ${pg.data}`);
  try {
    await supervisor.run({
      name: "initdb",
      command: path.join(pg.bin, "initdb"),
      args: [
        "-D", staging,
        "-U", "postgres",
        `--pwfile=${pwFile}`,
        "--auth-local=peer",
        "--auth-host=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
      ],
      cwd: profile.dataDir,
      env: pgEnv(pg),
      user: asPostgres(pg),
    });
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  fs.renameSync(staging, pg.data);
}

export function postgresSpec(pg: PgPaths, profile: Profile): SpawnSpec {
  const settings = [
    "listen_addresses=127.0.0.1",
    `unix_socket_directories=${pg.socketDir}`,
    "logging_collector=off",
  ];
  // Test data is thrown away: trade durability for speed.
  if (profile.wipe) settings.push("fsync=off", "synchronous_commit=off", "full_page_writes=off");
  return {
    name: "postgres",
    command: path.join(pg.bin, "postgres"),
    args: ["-D", pg.data, "-p", String(profile.ports.postgres), ...settings.flatMap((s) => ["-c", s])],
    cwd: profile.dataDir,
    env: pgEnv(pg),
    user: asPostgres(pg),
    stopSignal: "SIGINT", // fast shutdown
  };
}

export function pgReadyProbe(pg: PgPaths, port: number): () => Promise<boolean> {
  return () =>
    new Promise((resolve) => {
      // as the postgres user, so the probe's connection is a valid one (no FATAL in the log)
      const args = ["-q", "-h", pg.socketDir, "-p", String(port), "-U", "postgres", "-d", "postgres", "-t", "1"];
      spawn(path.join(pg.bin, "pg_isready"), args, { ...asPostgres(pg), cwd: "/", stdio: "ignore" })
        .once("error", () => resolve(false))
        .once("exit", (code) => resolve(code === 0));
    });
}

function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Role and database `suixin` (created if missing; passwords synced to secrets.env). */
export function ensureRoleAndDatabase(pg: PgPaths, port: number, secrets: Secrets): void {
  const password = sqlLiteral(secrets.POSTGRES_PASSWORD);
  const sql = [
    `SELECT 'CREATE ROLE ${DB_USER}' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}') \\gexec`,
    `ALTER ROLE ${DB_USER} WITH LOGIN CREATEDB PASSWORD ${password};`,
    `ALTER ROLE postgres WITH PASSWORD ${password};`,
    `SELECT 'CREATE DATABASE ${DB_NAME} OWNER ${DB_USER}' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${DB_NAME}') \\gexec`,
  ].join("\n");
  try {
    // SQL on stdin, over the Unix socket with peer auth: no password on a command line.
    execFileSync(
      path.join(pg.bin, "psql"),
      ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", pg.socketDir, "-p", String(port), "-U", "postgres", "-d", "postgres", "-f", "-"],
      { input: sql, ...asPostgres(pg), cwd: pg.socketDir, env: { ...process.env, HOME: pg.user.home }, stdio: ["pipe", "ignore", "pipe"] },
    );
  } catch (err) {
    const stderr = err instanceof Error && "stderr" in err ? String(err.stderr) : String(err);
    throw new Error(`postgres: creating role/database ${DB_NAME} failed: ${stderr.trim()}`);
  }
}

export function localDatabaseUrl(port: number, secrets: Secrets): string {
  return `postgresql://${DB_USER}:${encodeURIComponent(secrets.POSTGRES_PASSWORD)}@127.0.0.1:${port}/${DB_NAME}`;
}
