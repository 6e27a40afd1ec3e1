// Readiness probes: poll until a service answers, fail fast if its process exits first.
import { execFile } from "node:child_process";
import net from "node:net";

import { describeExit } from "./supervisor";
import type { Child, Supervisor } from "./supervisor";

export type Probe = () => Promise<boolean>;

/** Resolves once probe() is true; rejects on timeout, on the child's exit, or on stop. */
export async function waitReady(
  supervisor: Supervisor,
  child: Child,
  probe: Probe,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: string | undefined;
  void child.exited.then((info) => (exit = describeExit(info)));
  for (;;) {
    if (supervisor.isStopping) throw new Error(`stopped while waiting for ${child.spec.name}`);
    if (exit !== undefined) {
      throw new Error(`${child.spec.name} exited (${exit}) before it was ready${supervisor.logTail(child.spec.name)}`);
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(`${child.spec.name} not ready after ${timeoutMs / 1000}s (waited for ${what})${supervisor.logTail(child.spec.name)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** GET url answers with the expected status. */
export function httpProbe(url: string, expected = 200): Probe {
  return async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: "manual" });
    await res.body?.cancel();
    return res.status === expected;
  };
}

/** A Redis server takes the password and answers PING with +PONG. */
export function redisProbe(port: number, password: string): Probe {
  return () =>
    new Promise((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port });
      let reply = "";
      const finish = (ok: boolean): void => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(1_000, () => finish(false));
      socket.once("error", () => finish(false));
      socket.once("connect", () => socket.write(`AUTH ${password}\r\nPING\r\n`));
      socket.on("data", (data) => {
        reply += data.toString();
        // two replies, or an error for the first (a wrong password, or a Redis without one)
        const complete = (reply.match(/\r\n/g) ?? []).length >= 2 || (reply.startsWith("-") && reply.includes("\r\n"));
        if (complete) finish(reply.startsWith("+OK\r\n+PONG\r\n"));
      });
    });
}

/** A command exits with status 0 (e.g. `pactl info` once PulseAudio accepts clients), optionally as another user. */
export function commandProbe(command: string, args: readonly string[], env: Record<string, string>, user?: { uid: number; gid: number }): Probe {
  return () =>
    new Promise((resolve) => {
      execFile(command, [...args], { env: { ...process.env, ...env }, timeout: 2_000, uid: user?.uid, gid: user?.gid, cwd: "/" }, (error) => resolve(!error));
    });
}
