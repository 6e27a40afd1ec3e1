// `next build` only when the sources changed since the last successful build.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import * as log from "./log";
import type { Supervisor } from "./supervisor";
import { nodeBin } from "./tools";

/** What a production build depends on (missing entries are skipped). */
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "types",
  "styles",
  "prisma/schema.prisma",
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "middleware.ts",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.js",
  "postcss.config.mjs",
  "postcss.config.cjs",
];
const SKIP_DIRS = new Set(["node_modules", ".next", ".git"]);
export const HASH_FILE = path.join(".next", "suixin-build-hash");

function listFiles(root: string, rel: string, out: string[]): void {
  const abs = path.join(root, rel);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    return;
  }
  if (stat.isFile()) {
    out.push(rel);
    return;
  }
  if (!stat.isDirectory()) return;
  for (const entry of fs.readdirSync(abs)) {
    if (!SKIP_DIRS.has(entry)) listFiles(root, path.join(rel, entry), out);
  }
}

export function sourceHash(repoRoot: string): string {
  const files: string[] = [];
  for (const input of INPUTS) listFiles(repoRoot, input, files);
  files.sort();
  const hash = crypto.createHash("sha256");
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(repoRoot, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Builds when needed; env is the app's runtime environment (pages may read it at build time). */
export async function buildIfChanged(supervisor: Supervisor, repoRoot: string, env: Record<string, string>): Promise<void> {
  const hashFile = path.join(repoRoot, HASH_FILE);
  const hash = sourceHash(repoRoot);
  const built = fs.existsSync(path.join(repoRoot, ".next", "BUILD_ID"));
  if (built && fs.existsSync(hashFile) && fs.readFileSync(hashFile, "utf8").trim() === hash) return;
  log.status(built ? "app: sources changed, running next build…" : "app: no build yet, running next build…");
  const started = Date.now();
  fs.rmSync(hashFile, { force: true });
  await supervisor.run({ name: "build", command: nodeBin(repoRoot, "next"), args: ["build"], cwd: repoRoot, env });
  fs.writeFileSync(hashFile, `${hash}\n`);
  log.status(`app: built in ${Math.round((Date.now() - started) / 1000)}s`);
}
