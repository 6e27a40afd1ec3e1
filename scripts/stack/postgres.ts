// A project-local PostgreSQL cluster in <datadir>/pg, run by the `postgres` OS user
// (initdb and postgres refuse root) in the foreground, as a supervised child.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import * as log from "./log";
import type { Profile } from "./profile";
import type { Secrets } from "./secrets";
import { ensureReachable } from "./service-user";
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

function chownToPostgres(pg: PgPaths, dir: string, mode: number): void {
  fs.mkdirSync(dir, { recursive: true, mode });
  fs.chownSync(dir, pg.user.uid, pg.user.gid);
  fs.chmodSync(dir, mode);
}

/** initdb into <datadir>/pg once (into a temporary directory, renamed when complete). */
export async function ensureCluster(supervisor: Supervisor, pg: PgPaths, profile: Profile): Promise<void> {
  ensureReachable({ name: "postgres", uid: pg.user.uid, gid: pg.user.gid }, profile.dataDir);
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
  log.status(`postgres: creating a cluster in ${pg.data}`);
  // The superuser gets no password: it logs in over the Unix socket as the postgres OS user only
  // (peer), never over TCP, and the app's password (which the app knows) is not the superuser's.
  await supervisor.run({
    name: "initdb",
    command: path.join(pg.bin, "initdb"),
    args: ["-D", staging, "-U", "postgres", "--auth-local=peer", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"],
    cwd: profile.dataDir,
    env: pgEnv(pg),
    user: asPostgres(pg),
  });
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

/**
 * The app's role and database `suixin` (created if missing; password synced to secrets.env).
 * The role is an ordinary one: no superuser, no CREATEDB/CREATEROLE/replication/BYPASSRLS; it
 * owns its database and nothing else, and cannot connect to the others.
 */
export function roleAndDatabaseSql(secrets: Pick<Secrets, "POSTGRES_PASSWORD">): string {
  const password = sqlLiteral(secrets.POSTGRES_PASSWORD);
  return [
    `SELECT 'CREATE ROLE ${DB_USER}' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}') \\gexec`,
    `ALTER ROLE ${DB_USER} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${password};`,
    // clusters made before: the superuser had the app's password
    "ALTER ROLE postgres WITH PASSWORD NULL;",
    `SELECT 'CREATE DATABASE ${DB_NAME} OWNER ${DB_USER}' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${DB_NAME}') \\gexec`,
    `ALTER DATABASE ${DB_NAME} OWNER TO ${DB_USER};`,
    "REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;",
    "REVOKE CONNECT ON DATABASE template1 FROM PUBLIC;",
  ].join("\n");
}

export function ensureRoleAndDatabase(pg: PgPaths, port: number, secrets: Secrets): void {
  const sql = roleAndDatabaseSql(secrets);
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
