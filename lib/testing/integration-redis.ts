// Vitest globalSetup of the integration tests, after integration-db.ts: a throwaway Redis (no
// persistence, loopback, a free port) for code that reaches the rate limiter. Killed afterwards.
import { spawn } from "node:child_process";
import net from "node:net";

import { freePort } from "../../scripts/stack/ports";

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export default async function setup(): Promise<() => void> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const stop = () => void child.kill("SIGKILL");
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    if (await answers(port)) {
      process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
      return stop;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  stop();
  throw new Error("redis-server did not start");
}
