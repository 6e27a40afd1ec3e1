// Where the machine's CPU went during a bench's window, per part of the stack: the figures of one
// run are only readable beside who was busy (the app, LiveKit, Postgres, the subscribers, the
// bench, or other work on this shared machine); and the nice value of a process tree. The benches'
// one reader of /proc (and `ss`): Linux only.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

const TICKS_PER_S = 100; // USER_HZ on Linux

const PAGE_BYTES = 4096;

type ProcStat = { ppid: number; ticks: number };

/** A process's parent and CPU ticks (utime + stime), or undefined when it has ended. */
function readStat(pid: number): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

function readStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  return stats;
}

/** CPU seconds (user + system) these processes have used so far; ended ones count 0. */
export function cpuSeconds(pids: Iterable<number>): number {
  let ticks = 0;
  for (const pid of pids) ticks += readStat(pid)?.ticks ?? 0;
  return ticks / TICKS_PER_S;
}

/** The sum of these processes' resident sets, in bytes; ended ones count 0. */
export function residentBytes(pids: Iterable<number>): number {
  let pages = 0;
  for (const pid of pids) {
    try {
      pages += Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return pages * PAGE_BYTES;
}

/** Busy seconds of all cores together since boot (user + nice + system + irq + softirq + steal). */
export function machineBusySeconds(): number {
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  return [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + (cpu[i] ?? 0), 0) / TICKS_PER_S;
}

/** The process listening on a TCP port of this machine, if any. */
export function pidListeningOn(port: number): number | undefined {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(out);
  return match ? Number(match[1]) : undefined;
}

/** The process listening on a TCP port of this machine; throws when there is none. */
export function listenerOf(port: number): number {
  const pid = pidListeningOn(port);
  if (pid === undefined) throw new Error(`nothing listens on port ${port}`);
  return pid;
}

/** A part of the stack: processes whose trees count to it (each tree counted once, to the first part naming it). */
export type Part = { name: string; roots: number[]; exclude?: number[] };

export type CpuSample = { at: number; perPid: Map<number, ProcStat>; machineS: number };

export function sampleCpu(): CpuSample {
  return { at: performance.now(), perPid: readStats(), machineS: machineBusySeconds() };
}

/** A process and its descendants, as they are now, but for the trees of `exclude`. */
export function processTree(root: number, exclude: number[] = []): number[] {
  return [...tree(readStats(), root, new Set(exclude))];
}

/**
 * Sets the nice value of every thread of these processes (Linux's nice is per thread, and a
 * thread started later takes its creator's). Processes that ended meanwhile are skipped.
 */
export function setNice(pids: number[], nice: number): void {
  for (const pid of pids) {
    let threads: string[];
    try {
      threads = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of threads) {
      try {
        os.setPriority(Number(tid), nice);
      } catch {
        // the thread ended meanwhile
      }
    }
  }
}

function tree(stats: Map<number, ProcStat>, root: number, exclude: Set<number>): Set<number> {
  const pids = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, s] of stats) {
      if (!pids.has(pid) && !exclude.has(pid) && pids.has(s.ppid)) {
        pids.add(pid);
        grew = true;
      }
    }
  }
  return pids;
}

/** Cores busy per part between two samples ("machine" is every process, other work included). */
export function cpuBetween(a: CpuSample, b: CpuSample, parts: Part[]): string {
  const seconds = (b.at - a.at) / 1000;
  const claimed = new Set<number>();
  const cells = parts.map((part) => {
    const pids = new Set<number>();
    for (const root of part.roots) for (const pid of tree(b.perPid, root, new Set(part.exclude))) if (!claimed.has(pid)) pids.add(pid);
    for (const pid of pids) claimed.add(pid);
    let ticks = 0;
    for (const pid of pids) ticks += (b.perPid.get(pid)?.ticks ?? 0) - (a.perPid.get(pid)?.ticks ?? 0);
    return `${part.name} ${(ticks / TICKS_PER_S / seconds).toFixed(2)}`;
  });
  const machine = (b.machineS - a.machineS) / seconds;
  return `cores busy: ${cells.join(", ")}; machine ${machine.toFixed(2)} of ${os.cpus().length}`;
}
