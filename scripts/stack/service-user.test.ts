import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { ensureReachable, lookupUser, runnableBy, userCan } from "./service-user";

// These act as root on real OS users (as the supervisor does); CI and the machines run as root.
const root = process.getuid?.() === 0;
const nobody = lookupUser("nobody");

function privateDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suixin-private-"));
  fs.chmodSync(dir, 0o700); // like /root
  return dir;
}

describe("lookupUser", () => {
  it("reads uid and gid from a passwd file", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "suixin-passwd-")), "passwd");
    fs.writeFileSync(file, "root:x:0:0:root:/root:/bin/bash\nsuixin:x:999:995:Suixin services:/nonexistent:/usr/sbin/nologin\n");
    expect(lookupUser("suixin", file)).toEqual({ name: "suixin", uid: 999, gid: 995 });
    expect(lookupUser("suixi", file)).toBeUndefined();
  });
});

describe.skipIf(!root || !nobody)("as root, for an unprivileged user", () => {
  const user = nobody ?? { name: "nobody", uid: 65534, gid: 65534 };

  it("shares a binary it cannot reach as a root-owned hard link it can run but not change", () => {
    const hidden = privateDir();
    const binary = path.join(hidden, "tool");
    fs.writeFileSync(binary, "#!/bin/sh\necho ok\n", { mode: 0o755 });
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), "suixin-shared-"));
    fs.chmodSync(shared, 0o755);
    expect(userCan(user, "-x", binary)).toBe(false);

    const runnable = runnableBy(user, binary, "tool-v1", shared);
    expect(runnable).toBe(path.join(shared, "tool-v1", "tool"));
    expect(userCan(user, "-x", runnable)).toBe(true);
    expect(userCan(user, "-w", runnable)).toBe(false);
    expect(execFileSync(runnable, { uid: user.uid, gid: user.gid, encoding: "utf8" })).toBe("ok\n");
    expect(fs.statSync(hidden).mode & 0o777).toBe(0o700);

    // A rebuilt binary replaces the shared one.
    fs.rmSync(binary);
    fs.writeFileSync(binary, "#!/bin/sh\necho v2\n", { mode: 0o755 });
    expect(execFileSync(runnableBy(user, binary, "tool-v1", shared), { uid: user.uid, gid: user.gid, encoding: "utf8" })).toBe("v2\n");
    // A binary the user can reach is used where it is.
    const open = path.join(shared, "open-tool");
    fs.writeFileSync(open, "#!/bin/sh\n", { mode: 0o755 });
    expect(runnableBy(user, open, "x", shared)).toBe(open);
    fs.rmSync(hidden, { recursive: true });
    fs.rmSync(shared, { recursive: true });
  });

  it("lets the user into a private directory by a named ACL entry, never o+x", () => {
    const hidden = privateDir();
    const inner = path.join(hidden, "project", "data");
    fs.mkdirSync(inner, { recursive: true });
    expect(userCan(user, "-x", inner)).toBe(false);
    ensureReachable(user, inner);
    expect(userCan(user, "-x", inner)).toBe(true);
    expect(fs.statSync(hidden).mode & 0o007).toBe(0);
    expect(execFileSync("getfacl", ["-cp", hidden], { encoding: "utf8" })).toContain(`user:${user.name}:--x`);
    // entering is not listing
    expect(userCan(user, "-r", hidden)).toBe(false);
    fs.rmSync(hidden, { recursive: true });
  });
});
