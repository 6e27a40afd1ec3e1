import { spawn } from "node:child_process";
import fs from "node:fs";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { query } from "./support/db";
import { readStack } from "./support/stack";
import { login, newUser, register } from "./support/users";

type Outcome = { code: number | null; stdout: string; stderr: string; argv: string };

/** Runs admin:create with `stdin` as its standard input (not a terminal, as in a script). */
function adminCreate(args: string[], stdin = ""): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "admin:create", "--", ...args], {
      env: { ...process.env, DATABASE_URL: readStack().databaseUrl },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let argv = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    // What other users of the machine could read of the command line while it runs.
    const peek = setInterval(() => {
      for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
        try {
          const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
          if (cmdline.includes("admin-create")) argv += `${cmdline.replaceAll("\0", " ")}\n`;
        } catch {
          // gone
        }
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(peek);
      resolve({ code, stdout, stderr, argv });
    });
    child.stdin.end(stdin);
  });
}

async function roleOf(email: string) {
  const [row] = await query<{ role: string; passwordHash: string }>(`SELECT role, "passwordHash" FROM "User" WHERE email = $1`, [email]);
  return row;
}

// Each run starts tsx (a few seconds on a loaded machine).
test.describe.configure({ timeout: 120_000 });

test("an operator account is created from the command line, password on stdin, and can log in", async ({ page }) => {
  const ops = newUser("Ops");
  const created = await adminCreate(["--email", ops.email, "--name", ops.name], `${ops.password}\n`);
  expect(created.stdout).toContain(`${ops.email} created as operator`);
  expect(created.code).toBe(0);
  expect(created.argv).toContain("admin-create"); // the peek saw the process…
  expect(created.argv).not.toContain(ops.password); // …and no password in its arguments
  const row = await roleOf(ops.email);
  expect(row?.role).toBe("OPERATOR");
  expect(row?.passwordHash).toMatch(/^scrypt\$/);

  await login(page, ops);
  await expect(page.getByTestId("current-user")).toHaveText(ops.name, { timeout: 15_000 });

  // Bad input: a clear message, exit code 2, nothing stored.
  const bad = await adminCreate(["--email", "nope"], "whatever-password\n");
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("Enter a valid email address");
  const short = newUser("Short");
  const tooShort = await adminCreate(["--email", short.email], "x\n");
  expect(tooShort.code).toBe(2);
  expect(tooShort.stderr).toContain("Password must be at least 8 characters");
  expect(await query(`SELECT id FROM "User" WHERE email IN ('nope', $1)`, [short.email])).toHaveLength(0);

  // A password on the command line is refused, not used.
  const argvPassword = newUser("Argv");
  const refused = await adminCreate(["--email", argvPassword.email, "--password", argvPassword.password]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("--password is not accepted");
  expect(await roleOf(argvPassword.email)).toBeUndefined();
});

test("an account someone registered is made an operator only with an explicit --promote", async ({ page }) => {
  const squatter = newUser("Squatter");
  await register(page, squatter);

  const refused = await adminCreate(["--email", squatter.email], "operators-own-password\n");
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("already exists");
  expect(refused.stderr).toContain("--promote");
  expect((await roleOf(squatter.email))?.role).toBe("USER");

  const promoted = await adminCreate(["--email", squatter.email, "--promote"]);
  expect(promoted.code).toBe(0);
  expect(promoted.stdout).toContain("now an operator");
  expect((await roleOf(squatter.email))?.role).toBe("OPERATOR");
});
