// Where the binaries built by `npm run setup` live: ${SUIXIN_TOOLS_DIR:-$HOME/.cache/suixin}.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const LIVEKIT_VERSION = "v1.13.5";

export function toolsDir(env: NodeJS.ProcessEnv): string {
  return env.SUIXIN_TOOLS_DIR || path.join(os.homedir(), ".cache", "suixin");
}

/** <tools>/<dirName>/<binary>, or an error that tells how to get it. */
export function requireTool(env: NodeJS.ProcessEnv, dirName: string, binary: string): string {
  const file = path.join(toolsDir(env), dirName, binary);
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    throw new Error(`${binary} not found at ${file}: run \`npm run setup\``);
  }
  return file;
}

export function livekitServerBinary(env: NodeJS.ProcessEnv): string {
  return requireTool(env, `livekit-server-${LIVEKIT_VERSION}`, "livekit-server");
}

/** A binary from node_modules/.bin (faster than npx, and never reaches the registry). */
export function nodeBin(repoRoot: string, name: string): string {
  const file = path.join(repoRoot, "node_modules", ".bin", name);
  if (!fs.existsSync(file)) throw new Error(`${file} not found: run \`npm run setup\``);
  return file;
}
