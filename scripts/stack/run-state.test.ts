import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reapLeftovers } from "./run-state";

describe("reapLeftovers", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "suixin-run-state-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [what, content] of [
    ["cut short", '{"supervisorPid": 12'],
    ["empty", ""],
    ["binary junk", "\u0000\u0001\u0002"],
    ["valid JSON of another shape", '{"children": "none"}'],
  ] as const) {
    it(`does not stop the stack from starting when supervisor.json is ${what}`, async () => {
      fs.writeFileSync(path.join(dir, "supervisor.json"), content);
      await expect(reapLeftovers(dir)).resolves.toBeUndefined();
      expect(fs.existsSync(path.join(dir, "supervisor.json"))).toBe(false);
    });
  }

});
