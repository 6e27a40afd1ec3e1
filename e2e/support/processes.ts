import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { z } from "zod";
import { readStack } from "./stack";

export type Proc = { pid: number; ppid: number; uid: number; cmdline: string };

function readProc(pid: number): Proc | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1];
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    return { pid, ppid: Number(field("PPid")), uid: Number(field("Uid")), cmdline };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** Every process below pid (children, their children…), as /proc shows them now. */
function descendants(pid: number): Proc[] {
  const all = fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => readProc(Number(name)) ?? []);
  const children = new Map<number, Proc[]>();
  for (const proc of all) children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), proc]);
  const found: Proc[] = [];
  const visit = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      visit(child.pid);
    }
  };
  visit(pid);
  return found;
}

/** Every process started (directly or not) by the test stack's supervisor. */
export function stackProcesses(): Proc[] {
  return descendants(readStack().supervisorPid);
}

/** uid of an OS user, from /etc/passwd. */
export function uidOf(name: string): number {
  const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${name}:`));
  return Number(line?.split(":")[2] ?? NaN);
}

const runStateSchema = z.object({ children: z.array(z.object({ name: z.string(), pid: z.number() })) });

/** The pid (and process group) of a service of the running stack, from the supervisor's run-state file. */
export function servicePid(name: string): number {
  const state = runStateSchema.parse(JSON.parse(fs.readFileSync(path.join(readStack().dataDir, "supervisor.json"), "utf8")));
  const pid = state.children.find((c) => c.name === name)?.pid;
  if (!pid) throw new Error(`${name} is not running`);
  return pid;
}

/**
 * Kills a service outright, as a crash of its machine would: its process group and every process
 * it started (Egress runs each job in a handler process of its own group, which would otherwise
 * keep recording). The supervisor restarts the service.
 */
export function killService(name: string): number {
  const pid = servicePid(name);
  const below = descendants(pid);
  process.kill(-pid, "SIGKILL");
  for (const child of below) {
    try {
      process.kill(child.pid, "SIGKILL");
    } catch {
      // already gone with the group
    }
  }
  return pid;
}

/** Waits until the supervisor has started the service again (a new pid). */
export async function expectRestarted(name: string, oldPid: number, timeout = 60_000): Promise<number> {
  await expect
    .poll(
      () => {
        try {
          return servicePid(name);
        } catch {
          return oldPid;
        }
      },
      { timeout, intervals: [250] },
    )
    .not.toBe(oldPid);
  return servicePid(name);
}

export type Health = { ok: boolean; pid?: number; leader?: boolean };

export async function health(url: string): Promise<Health | null> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3_000) });
    return res.ok ? ((await res.json()) as Health) : null;
  } catch {
    return null;
  }
}
