// The unprivileged system user the supervisor runs the app, Egress (and its Chromium), LiveKit,
// Redis and PulseAudio as (scripts/setup.sh creates it), so that untrusted media (covers decoded
// by sharp, recordings by ffmpeg, pages and streams by Chromium and GStreamer) is never handled
// by root. Postgres runs as Debian's `postgres` user. A supervisor that is not root runs
// everything as itself.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import * as log from "./log";

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

export const DEFAULT_SERVICE_USER = "suixin";

export function lookupUser(name: string, passwd = "/etc/passwd"): OsUser | undefined {
  const line = fs
    .readFileSync(passwd, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (uid === undefined || gid === undefined) return undefined;
  return { name, uid: Number(uid), gid: Number(gid) };
}

/** The service user, or undefined when the supervisor is not root (it cannot switch users). */
export function serviceUser(env: NodeJS.ProcessEnv): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = env.SUIXIN_SERVICE_USER || DEFAULT_SERVICE_USER;
  const user = lookupUser(name);
  if (!user) throw new Error(`no \`${name}\` OS user to run the services as: run \`npm run setup\` (it creates it)`);
  if (user.uid === 0) throw new Error(`SUIXIN_SERVICE_USER=${name} is root: the services must not run as root`);
  return user;
}

/** `test <flag> <file>` as that user: what the kernel would let it do, ACLs included. */
export function userCan(user: OsUser, flag: "-x" | "-r" | "-w", file: string): boolean {
  return spawnSync("test", [flag, file], { uid: user.uid, gid: user.gid, cwd: "/", stdio: "ignore" }).status === 0;
}

/**
 * Lets `user` reach `dir` (e.g. a clone under /root, mode 700) by a named ACL entry (u:<user>:x)
 * on each ancestor it cannot enter. Never o+x: nobody else gains anything, and the entry allows
 * entering, not listing.
 */
export function ensureReachable(user: OsUser, dir: string): void {
  if (userCan(user, "-x", dir)) return;
  const chain: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    chain.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of chain) {
    if (userCan(user, "-x", d)) continue;
    try {
      execFileSync("setfacl", ["-m", `u:${user.name}:x`, d], { stdio: ["ignore", "ignore", "pipe"] });
    } catch (err) {
      throw new Error(`${user.name} cannot enter ${d} and setfacl failed (${err instanceof Error ? err.message : String(err)}): run \`npm run setup\` or move the project`);
    }
    log.status(`gave the ${user.name} user a traversal ACL entry on ${d} (u:${user.name}:x; no o+x)`);
  }
}

/** A directory the user owns (created if missing), with the given mode. */
export function ownedDir(user: OsUser | undefined, dir: string, mode = 0o755): string {
  fs.mkdirSync(dir, { recursive: true, mode });
  if (user) fs.chownSync(dir, user.uid, user.gid);
  fs.chmodSync(dir, mode);
  return dir;
}

/** chown -R (no symlinks followed), for trees the service writes into (the app's .next). */
export function chownTree(user: OsUser, dir: string): void {
  const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.uid !== user.uid || stat.gid !== user.gid) fs.lchownSync(dir, user.uid, user.gid);
  if (!stat.isDirectory()) return;
  for (const entry of fs.readdirSync(dir)) chownTree(user, path.join(dir, entry));
}

/** Where binaries the service user cannot reach in the tools dir (e.g. under /root) are shared from. */
export const SHARED_TOOLS_DIR = "/var/lib/suixin/tools";

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return (a.dev === b.dev && a.ino === b.ino) || (a.size === b.size && Math.trunc(a.mtimeMs) === Math.trunc(b.mtimeMs));
}

/**
 * A path of `binary` that `user` can execute: the binary itself, or else a root-owned hard link
 * (a copy across file systems) under SHARED_TOOLS_DIR/<dirName>/ that the user cannot modify.
 */
export function runnableBy(user: OsUser | undefined, binary: string, dirName: string, sharedRoot = SHARED_TOOLS_DIR): string {
  if (!user || userCan(user, "-x", binary)) return binary;
  const dir = path.join(sharedRoot, dirName);
  const target = path.join(dir, path.basename(binary));
  const source = fs.statSync(binary);
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing && sameFile(source, existing)) return target;
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  try {
    fs.linkSync(binary, tmp);
  } catch {
    fs.copyFileSync(binary, tmp);
    fs.utimesSync(tmp, source.atime, source.mtime);
  }
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, target);
  return target;
}

/**
 * Whether `user` may create user namespaces, which Chromium's sandbox needs when it runs
 * unprivileged (Debian's chromium has no setuid helper). Kernels can forbid it
 * (kernel.unprivileged_userns_clone=0, user.max_user_namespaces=0, AppArmor's
 * apparmor_restrict_unprivileged_userns): then Egress's Chromium runs with --no-sandbox.
 */
export function userNamespacesWork(user: OsUser | undefined): boolean {
  const probe = spawnSync("unshare", ["--user", "--map-root-user", "true"], {
    uid: user?.uid,
    gid: user?.gid,
    cwd: "/",
    stdio: "ignore",
    timeout: 5_000,
  });
  return probe.status === 0;
}
