import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { z } from "zod";
import { readStack } from "./stack";

const runStateSchema = z.object({ children: z.array(z.object({ name: z.string(), pid: z.number() })) });

/** The pid (and process group) of a service of the running stack, from the supervisor's run-state file. */
export function servicePid(name: string): number {
  const state = runStateSchema.parse(JSON.parse(fs.readFileSync(path.join(readStack().dataDir, "supervisor.json"), "utf8")));
  const pid = state.children.find((c) => c.name === name)?.pid;
  if (!pid) throw new Error(`${name} is not running`);
  return pid;
}

/** Every process below pid (children, their children…), from /proc. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(ppid, [...(parentOf.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const child of parentOf.get(p) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
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
      process.kill(child, "SIGKILL");
    } catch {
      // already gone with the group
    }
  }
  return pid;
}

/** Waits until the supervisor has started the service again (a new pid). */
export async function expectRestarted(name: string, oldPid: number, timeout = 60_000): Promise<number> {
  await expect.poll(() => { try { return servicePid(name); } catch { return oldPid; } }, { timeout, intervals: [250] }).not.toBe(oldPid);
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
