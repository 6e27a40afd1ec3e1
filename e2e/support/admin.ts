import { type Browser, type Page, expect as baseExpect } from "@playwright/test";
import { query } from "./db";
import { userPage } from "./users";

// Up to six engineers' stacks share two cores here (load averages of 40–50 seen): a dashboard page
// may take several seconds to render. Waits are for outcomes, with room for that.
export const expect = baseExpect.configure({ timeout: 15_000 });

/** A registered user made an operator in the database (as `npm run admin:create` would). */
export async function operatorPage(browser: Browser, name = "Ops") {
  const operator = await userPage(browser, name);
  await query(`UPDATE "User" SET role = 'OPERATOR' WHERE email = $1`, [operator.user.email]);
  await operator.page.reload();
  await expect(operator.page.getByRole("link", { name: "Dashboard" })).toBeVisible();
  return operator;
}

export async function userIdOf(email: string): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export type AuditRow = { action: string; actorId: string | null; targetType: string; targetId: string; targetLabel: string; reason: string | null; details: unknown };

export async function auditRows(where = "TRUE", params: unknown[] = []): Promise<AuditRow[]> {
  return query<AuditRow>(
    `SELECT action, "actorId", "targetType", "targetId", "targetLabel", reason, details FROM "AuditEntry" WHERE ${where} ORDER BY id`,
    params,
  );
}

/** Opens a dashboard section through the header link and the dashboard's navigation. */
export async function openDashboard(page: Page, section?: "Users" | "Reports" | "Outputs" | "Recordings" | "Gifts" | "Settings" | "Numbers" | "Audit log") {
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Live now" })).toBeVisible({ timeout: 30_000 });
  if (section) {
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: section }).click();
    const headings: Record<string, string> = { Outputs: "Outputs and channels", Gifts: "Gift catalog" };
    await expect(page.getByRole("heading", { level: 1, name: headings[section] ?? section })).toBeVisible({ timeout: 30_000 });
  }
}
