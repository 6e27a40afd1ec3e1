// The running test stack (written by scripts/stack/main.ts --profile test when everything is up).
import path from "node:path";

import { readStackInfo } from "../../scripts/stack/stack-file";
import type { StackInfo } from "../../scripts/stack/stack-file";

export type { StackInfo };

/** SUIXIN_STACK_FILE overrides the location (e.g. to run the specs against the dev stack). */
export function stackFile(): string {
  return process.env.SUIXIN_STACK_FILE ?? path.resolve(__dirname, "..", "..", ".data", "test", "stack.json");
}

let cached: StackInfo | undefined;

/** URLs, LiveKit keys, DATABASE_URL and ports of the stack the tests run against. */
export function readStack(): StackInfo {
  cached ??= readStackInfo(stackFile());
  return cached;
}
