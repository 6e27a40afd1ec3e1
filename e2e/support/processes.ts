import fs from "node:fs";
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

/** Every process started (directly or not) by the test stack's supervisor, as /proc shows them. */
export function stackProcesses(): Proc[] {
  const all = fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => readProc(Number(name)) ?? []);
  const children = new Map<number, Proc[]>();
  for (const proc of all) children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), proc]);
  const found: Proc[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child.pid);
    }
  };
  visit(readStack().supervisorPid);
  return found;
}

/** uid of an OS user, from /etc/passwd. */
export function uidOf(name: string): number {
  const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${name}:`));
  return Number(line?.split(":")[2] ?? NaN);
}
