import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { readStack } from "./support/stack";
import { login, newUser } from "./support/users";

const run = promisify(execFile);

function adminCreate(args: string[]) {
  return run("npm", ["run", "--silent", "admin:create", "--", ...args], {
    env: { ...process.env, DATABASE_URL: readStack().databaseUrl },
  });
}

test("an operator account is created from the command line and can log in", async ({ page }) => {
  const ops = newUser("Ops");
  const { stdout } = await adminCreate(["--email", ops.email, "--password", ops.password, "--name", ops.name]);
  expect(stdout).toContain(`${ops.email} created as operator`);
  const [row] = await query<{ role: string; passwordHash: string }>(`SELECT role, "passwordHash" FROM "User" WHERE email = $1`, [ops.email]);
  expect(row?.role).toBe("OPERATOR");
  expect(row?.passwordHash).toMatch(/^scrypt\$/);

  await login(page, ops);
  await expect(page.getByTestId("current-user")).toHaveText(ops.name);

  // Bad input: a clear message, exit code 2, nothing stored.
  const bad = await adminCreate(["--email", "nope", "--password", "x"]).catch((e: { code: number; stderr: string }) => e);
  expect(bad).toMatchObject({ code: 2 });
  expect((bad as { stderr: string }).stderr).toContain("Enter a valid email address");
  expect(await query(`SELECT id FROM "User" WHERE email = 'nope'`)).toHaveLength(0);
});
