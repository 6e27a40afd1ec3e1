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

/** Kills a service outright (its whole process group), as a crash would; the supervisor restarts it. */
export function killService(name: string): number {
  const pid = servicePid(name);
  process.kill(-pid, "SIGKILL");
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
