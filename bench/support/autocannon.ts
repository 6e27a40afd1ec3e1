// autocannon (HTTP load on loopback) as a child process, with the figures the reports use.
import { spawn } from "node:child_process";
import path from "node:path";

import { z } from "zod";

import { REPO_ROOT } from "./stack";

// The fields of autocannon's --json result that the reports use.
const resultSchema = z.object({
  /** seconds the run really took */
  duration: z.number(),
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
});
export type LoadResult = z.infer<typeof resultSchema>;

/** `connections` clients requesting `url` back to back for `seconds`; `headers` e.g. a session cookie. */
export function autocannon(url: string, seconds: number, connections: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const bin = path.join(REPO_ROOT, "node_modules", ".bin", "autocannon");
  const args = ["--json", "--no-progress", "-c", String(connections), "-d", String(seconds)];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.trim()}`));
      try {
        resolve(resultSchema.parse(JSON.parse(out)));
      } catch (error) {
        reject(new Error(`unexpected autocannon output: ${out.slice(0, 200)}`, { cause: error }));
      }
    });
  });
}
