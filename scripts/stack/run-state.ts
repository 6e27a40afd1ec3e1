// <datadir>/supervisor.json: the supervisor's pid and its children's pids (with their start
// times, so a recycled pid is never mistaken for ours), so that a run that was killed hard
// (SIGKILL, a crash) leaves nothing behind for the next start to trip on.
import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

import * as log from "./log";
import type { Child } from "./supervisor";

const stateSchema = z.object({
  supervisorPid: z.number().int(),
  children: z.array(z.object({ name: z.string(), pid: z.number().int(), started: z.string(), stopSignal: z.string() })),
});

function stateFile(dataDir: string): string {
  return path.join(dataDir, "supervisor.json");
}

function cmdline(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started (clock ticks since boot). */
function startTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function recordChildren(dataDir: string, children: readonly Child[]): void {
  const state = {
    supervisorPid: process.pid,
    children: children
      .filter((c) => c.pid > 0 && c.running())
      .map((c) => ({ name: c.spec.name, pid: c.pid, started: startTime(c.pid) ?? "", stopSignal: c.spec.stopSignal ?? "SIGTERM" })),
  };
  try {
    fs.writeFileSync(stateFile(dataDir), `${JSON.stringify(state)}\n`, { mode: 0o600 });
  } catch {
    // the data dir is gone (wiped): nothing to record
  }
}

export function clearRunState(dataDir: string): void {
  fs.rmSync(stateFile(dataDir), { force: true });
}

/**
 * Refuses to start next to a live supervisor of the same data directory; stops children that a
 * dead one left behind (only processes whose command line still matches what was recorded).
 */
export async function reapLeftovers(dataDir: string): Promise<void> {
  const file = stateFile(dataDir);
  if (!fs.existsSync(file)) return;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    raw = undefined; // cut short by a crash or a full disk: nothing in it can be trusted
  }
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) {
    log.warn(`${file} is unreadable (a run that crashed while writing it?): ignoring it`);
    return clearRunState(dataDir);
  }
  const state = parsed.data;
  if (state.supervisorPid !== process.pid && alive(state.supervisorPid) && cmdline(state.supervisorPid)?.includes("scripts/stack/main")) {
    throw new Error(
      `another Suixin stack (pid ${state.supervisorPid}) is running with ${dataDir}: stop it first (Ctrl-C in its terminal, or kill ${state.supervisorPid})`,
    );
  }
  for (const child of state.children) {
    if (child.started === "" || startTime(child.pid) !== child.started) continue; // gone, or another process
    log.warn(`stopping ${child.name} (pid ${child.pid}) left over from a run that did not shut down`);
    try {
      if (child.stopSignal === "SIGINT") process.kill(child.pid, "SIGINT");
      else process.kill(-child.pid, "SIGTERM");
    } catch {
      continue;
    }
    for (let i = 0; i < 50 && alive(child.pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(child.pid)) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // gone
      }
    }
  }
  clearRunState(dataDir);
}
