// Starts children in their own process groups, runs one-shot tasks, notices unexpected exits
// and stops everything in reverse order (stop signal, then SIGKILL after a grace period).
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";

import { warn } from "./log";
import type { ChildLogs } from "./log";

export interface SpawnSpec {
  name: string;
  command: string;
  args: readonly string[];
  /** added to the supervisor's environment; an undefined value removes a variable */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** run as this user (postgres refuses root) */
  user?: { uid: number; gid: number };
  /** default SIGTERM (to the whole group); postgres wants SIGINT (fast shutdown) */
  stopSignal?: NodeJS.Signals;
  /** send the stop signal again after this many ms (LiveKit drains on the first, quits on the second) */
  repeatStopAfterMs?: number;
  /** how long to wait after the stop signal before SIGKILL (default GRACE_MS) */
  stopGraceMs?: number;
  /** restart after an unexpected exit instead of failing the stack (Egress quits on a job error by design) */
  restart?: RestartPolicy;
}

export interface RestartPolicy {
  /** first delay; doubled after each restart that follows a short run, up to maxDelayMs */
  initialDelayMs: number;
  maxDelayMs: number;
}

/** A run at least this long counts as healthy: the next restart starts from the initial delay again. */
const HEALTHY_RUN_MS = 60_000;

export interface ExitInfo {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function describeExit(exit: ExitInfo): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code ?? "?"}`;
}

export interface Child {
  spec: SpawnSpec;
  process: ChildProcess;
  pid: number;
  /** resolves when the child is gone */
  exited: Promise<ExitInfo>;
  /** not yet exited */
  running: () => boolean;
}

export class TaskError extends Error {
  constructor(
    message: string,
    readonly exit: ExitInfo,
  ) {
    super(message);
  }
}

const GRACE_MS = 5_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

export class Supervisor {
  private readonly services: Child[] = [];
  private readonly tasks = new Set<Child>();
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private reportUnexpected: (exit: ExitInfo) => void = () => undefined;
  /** Resolves with the first service that exits while we are not stopping. */
  readonly unexpectedExit: Promise<ExitInfo>;

  constructor(
    private readonly logs: ChildLogs,
    private readonly onChange: (children: readonly Child[]) => void = () => undefined,
  ) {
    this.unexpectedExit = new Promise((resolve) => (this.reportUnexpected = resolve));
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Every child still tracked (services and tasks), for the run-state file. */
  children(): readonly Child[] {
    return [...this.services, ...this.tasks];
  }

  private spawnChild(spec: SpawnSpec): Child {
    if (this.stopping) throw new Error(`not starting ${spec.name}: the stack is stopping`);
    const stdio = this.logs.stdioFor(spec.name);
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const [key, value] of Object.entries(spec.env ?? {})) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    const proc = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env,
      stdio,
      detached: true, // own process group: a terminal Ctrl-C reaches only us, and we stop in order
      uid: spec.user?.uid,
      gid: spec.user?.gid,
    });
    this.logs.release(stdio);
    this.logs.attach(spec.name, proc);
    let done = false;
    const exited = new Promise<ExitInfo>((resolve) => {
      proc.once("error", (err) => {
        process.stderr.write(`[stack] cannot start ${spec.name} (${spec.command}): ${err.message}\n`);
        done = true;
        resolve({ name: spec.name, code: 127, signal: null });
      });
      proc.once("exit", (code, signal) => {
        done = true;
        resolve({ name: spec.name, code, signal });
      });
    });
    return { spec, process: proc, pid: proc.pid ?? -1, exited, running: () => !done };
  }

  /** Runs a one-shot command to completion; rejects with TaskError on a non-zero exit. */
  async run(spec: SpawnSpec): Promise<void> {
    const child = this.spawnChild(spec);
    this.tasks.add(child);
    this.onChange(this.children());
    const exit = await child.exited;
    this.tasks.delete(child);
    this.onChange(this.children());
    if (exit.code === 0) return;
    throw new TaskError(`${spec.name} failed: ${describeExit(exit)}${this.logTail(spec.name)}`, exit);
  }

  /**
   * Starts a long-running service; its exit before stop() counts as a failure, unless the spec
   * has a restart policy: then it is started again after a delay that grows while it keeps failing.
   */
  start(spec: SpawnSpec): Child {
    const child = this.spawnChild(spec);
    this.services.push(child);
    this.onChange(this.children());
    this.watch(child, 0);
    return child;
  }

  private watch(child: Child, restarts: number): void {
    const startedAt = Date.now();
    void child.exited.then(async (exit) => {
      if (this.stopping) return;
      const policy = child.spec.restart;
      if (!policy) return this.reportUnexpected(exit);
      // What the dead service left in its group (job handlers, their Chromium) can't report anymore.
      if (groupAlive(child.pid)) signalGroup(child.pid, "SIGKILL");
      const attempt = Date.now() - startedAt >= HEALTHY_RUN_MS ? 0 : restarts;
      const delay = Math.min(policy.initialDelayMs * 2 ** attempt, policy.maxDelayMs);
      warn(`${child.spec.name} exited (${describeExit(exit)}); restarting in ${(delay / 1000).toFixed(1)}s (restart #${attempt + 1})`);
      await sleep(delay);
      if (this.stopping) return;
      let next: Child;
      try {
        next = this.spawnChild(child.spec);
      } catch {
        return; // stopping meanwhile
      }
      const index = this.services.indexOf(child);
      if (index >= 0) this.services[index] = next;
      else this.services.push(next);
      this.onChange(this.children());
      this.watch(next, attempt + 1);
    });
  }

  /** The last lines of a child's log file, for error messages (files mode only). */
  logTail(name: string): string {
    const tail = this.logs.tail(name);
    const where = this.logs.mode === "files" ? ` (log: ${this.logs.fileFor(name)})` : "";
    return `${where}${tail ? `\n--- last lines of ${name} ---\n${tail}` : ""}`;
  }

  /** Stops tasks, then services in reverse start order. Safe to call more than once. */
  stop(): Promise<void> {
    this.stopping = true;
    this.stopped ??= this.stopAll();
    return this.stopped;
  }

  /** Second Ctrl-C: SIGKILL every group now. */
  killAll(): void {
    this.stopping = true;
    for (const child of this.children()) signalGroup(child.pid, "SIGKILL");
  }

  private async stopAll(): Promise<void> {
    await Promise.all([...this.tasks].map((task) => this.stopOne(task)));
    for (const child of [...this.services].reverse()) await this.stopOne(child);
    this.onChange([]);
  }

  private async stopOne(child: Child): Promise<void> {
    const pgid = child.pid;
    if (pgid <= 0) return;
    if (child.running()) {
      const signal = child.spec.stopSignal ?? "SIGTERM";
      // postgres: signal only the postmaster; it shuts its backends down itself.
      if (signal === "SIGTERM") signalGroup(pgid, signal);
      else {
        try {
          process.kill(pgid, signal);
        } catch {
          // already gone
        }
      }
      const repeat = child.spec.repeatStopAfterMs;
      if (repeat !== undefined) {
        const stillRunning = await Promise.race([child.exited.then(() => false), sleep(repeat).then(() => true)]);
        if (stillRunning) signalGroup(pgid, signal);
      }
      const grace = child.spec.stopGraceMs ?? GRACE_MS;
      const timedOut = await Promise.race([child.exited.then(() => false), sleep(grace).then(() => true)]);
      if (timedOut) {
        process.stdout.write(`[stack] ${child.spec.name} did not stop within ${grace / 1000}s: SIGKILL\n`);
        signalGroup(pgid, "SIGKILL");
        await child.exited;
      }
    }
    // Leftovers in its group (e.g. postgres backends finishing): give them a moment, then kill.
    for (let i = 0; i < 20 && groupAlive(pgid); i++) await sleep(100);
    if (groupAlive(pgid)) signalGroup(pgid, "SIGKILL");
  }
}
