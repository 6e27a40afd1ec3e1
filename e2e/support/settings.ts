import { query } from "./db";

// Operator settings as an operator would store them (table Setting, one row per key). Every app
// instance re-reads them within a second (lib/settings), so storing one waits that second out:
// the next step sees the new value on whichever instance answers it.
const IN_FORCE_MS = 1_100;
const inForce = () => new Promise((resolve) => setTimeout(resolve, IN_FORCE_MS));

export async function storeSetting(key: string, value: unknown): Promise<void> {
  await query(
    `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
    [key, JSON.stringify(value)],
  );
  await inForce();
}

/** Back to the profile's default (SUIXIN_SETTINGS). */
export async function forgetSetting(key: string): Promise<void> {
  await query(`DELETE FROM "Setting" WHERE key = $1`, [key]);
  await inForce();
}
