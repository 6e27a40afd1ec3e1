import { query } from "./db";

// Operator settings as an operator would store them (table Setting, one row per key). Every app
// instance re-reads them within a second: write them before the steps that depend on them.

export async function storeSetting(key: string, value: unknown): Promise<void> {
  await query(
    `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
    [key, JSON.stringify(value)],
  );
}

/** Back to the profile's default (SUIXIN_SETTINGS). */
export async function forgetSetting(key: string): Promise<void> {
  await query(`DELETE FROM "Setting" WHERE key = $1`, [key]);
}
