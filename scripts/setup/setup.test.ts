import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

// Checks of what the setup scripts do to the machine they run on (scripts/setup.sh,
// scripts/setup/egress.sh, scripts/stack, scripts/db). Where a behaviour needs a fresh machine
// (apt, useradd), the check reads the script; the rest runs it.
const REPO = path.resolve(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(REPO, file), "utf8");
/** The script's commands: no comment lines, and quoted text (messages) blanked out. */
const code = (file: string) =>
  read(file)
    .split("\n")
    .filter((line) => !line.trim().startsWith("#") && !line.trim().startsWith("//") && !line.trim().startsWith("*"))
    .map((line) => line.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '""'))
    .join("\n");
const SETUP_SCRIPTS = ["scripts/setup.sh", "scripts/setup/egress.sh"];

describe("setup on a real machine", () => {
  it("never stops, disables or masks the host's services", () => {
    for (const file of SETUP_SCRIPTS) expect(code(file), file).not.toMatch(/systemctl\s+(disable|stop|mask)|service\s+\S+\s+stop/);
  });

  it("waits for the apt lock on every apt-get call", () => {
    for (const file of SETUP_SCRIPTS) {
      const calls = code(file).split("\n").filter((line) => /\bapt-get\s/.test(line));
      expect(calls.length, file).toBeGreaterThan(0);
      for (const call of calls) expect(call, `${file}: ${call.trim()}`).toContain("-o DPkg::Lock::Timeout=");
    }
  });

  it("builds with the machine's Go only (GOTOOLCHAIN=local)", () => {
    const setup = code("scripts/setup.sh");
    for (const call of setup.split("\n").filter((line) => /\bgo (install|build)\b/.test(line))) expect(call).toContain("GOTOOLCHAIN=local");
    const egress = code("scripts/setup/egress.sh");
    expect(egress).toMatch(/export [^\n]*GOTOOLCHAIN=local/);
    expect(egress.indexOf("GOTOOLCHAIN=local")).toBeLessThan(egress.indexOf("go build -trimpath"));
  });

  it("leaves /home/egress (a real egress user's home) alone", () => {
    expect(code("scripts/setup/egress.sh")).not.toContain("/home/egress");
  });

  it("never opens directories to everyone (no o+x on /root or its parents)", () => {
    for (const dir of ["scripts/stack", "scripts/setup", "scripts/db"]) {
      for (const file of fs.readdirSync(path.join(REPO, dir)).filter((f) => /\.(ts|sh)$/.test(f) && !f.endsWith(".test.ts"))) {
        expect(code(`${dir}/${file}`), `${dir}/${file}`).not.toMatch(/o\+x|0o001|chmod\s+[0-7]*[1357]\s+\/root/);
      }
    }
  });

  it("creates the service user as a system account without a login shell or a home", () => {
    const setup = code("scripts/setup.sh");
    const useradd = setup.split("\n").findIndex((line) => line.includes("useradd"));
    const call = setup.split("\n").slice(useradd, useradd + 2).join(" ");
    for (const flag of ["--system", "--no-create-home", "--home-dir /nonexistent", "--shell /usr/sbin/nologin"]) expect(call).toContain(flag);
  });

  it.skipIf(process.getuid?.() !== 0)("runs the services as that user, which exists once setup ran", () => {
    const entry = execFileSync("getent", ["passwd", "suixin"], { encoding: "utf8" }).trim().split(":");
    expect(Number(entry[2])).toBeGreaterThan(0);
    expect(Number(entry[2])).toBeLessThan(1000);
    expect(entry[6]).toMatch(/nologin$/);
  });
});

describe("make-migration finds the Postgres binaries", () => {
  const finder = path.join(REPO, "scripts/db/pg-bin.sh");
  const fakeBin = (dir: string) => {
    fs.mkdirSync(dir, { recursive: true });
    for (const tool of ["initdb", "pg_ctl"]) fs.writeFileSync(path.join(dir, tool), "#!/bin/sh\n", { mode: 0o755 });
  };
  const run = (env: Record<string, string>) =>
    execFileSync("bash", [finder], { env: { ...process.env, ...env }, encoding: "utf8" }).trim();

  it("takes the newest /usr/lib/postgresql/<major>/bin, whatever the major", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "suixin-pg-"));
    for (const major of ["9.6", "15", "17"]) fakeBin(path.join(root, major, "bin"));
    fs.mkdirSync(path.join(root, "18", "bin"), { recursive: true }); // no binaries: not a candidate
    // a pg_config that knows of no server (e.g. only the client library is installed)
    fs.mkdirSync(path.join(root, "path"));
    fs.writeFileSync(path.join(root, "path", "pg_config"), "#!/bin/sh\nexit 1\n", { mode: 0o755 });
    expect(run({ SUIXIN_PG_LIB_ROOT: root, PATH: `${path.join(root, "path")}:/usr/bin:/bin` })).toBe(path.join(root, "17", "bin"));
    fs.rmSync(root, { recursive: true });
  });

  it("prefers what pg_config names", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suixin-pgconfig-"));
    fakeBin(path.join(dir, "server"));
    fs.mkdirSync(path.join(dir, "path"));
    fs.writeFileSync(path.join(dir, "path", "pg_config"), `#!/bin/sh\necho ${path.join(dir, "server")}\n`, { mode: 0o755 });
    expect(run({ SUIXIN_PG_LIB_ROOT: "/nonexistent", PATH: `${path.join(dir, "path")}:/usr/bin:/bin` })).toBe(path.join(dir, "server"));
    fs.rmSync(dir, { recursive: true });
  });

  it("is what make-migration.sh uses (no hard-coded version)", () => {
    const script = read("scripts/db/make-migration.sh");
    expect(script).toContain("scripts/db/pg-bin.sh");
    expect(script).not.toMatch(/postgresql\/\d+/);
  });
});
