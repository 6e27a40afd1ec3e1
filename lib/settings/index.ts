import "server-only";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { parseRateLimitOverrides } from "@/lib/rate-limit/limits";
import { type SettingKey, type Settings, builtInSettings, isSettingKey, settingDefaults, settingSchemas } from "@/lib/settings/schema";

export type { SettingKey, Settings } from "@/lib/settings/schema";

// Every instance re-reads the table at most this often: a change is in force everywhere within it.
const CACHE_MS = 1_000;

const state = globalThis as unknown as { suixinSettings?: { at: number; value: Promise<Settings> } };

/** The defaults in force (what a setting is when no operator has saved it). */
export function getSettingDefaults(): Settings {
  const e = env();
  // Rate limits were an env setting first: SUIXIN_RATE_LIMITS stays their default.
  return settingDefaults(e.SUIXIN_SETTINGS, { ...builtInSettings, rateLimits: parseRateLimitOverrides(e.SUIXIN_RATE_LIMITS) });
}

async function load(): Promise<Settings> {
  const settings = getSettingDefaults();
  const rows = await db.setting.findMany({ select: { key: true, value: true } });
  for (const row of rows) {
    if (!isSettingKey(row.key)) continue; // a key this version no longer has
    const parsed = settingSchemas[row.key].safeParse(row.value);
    if (parsed.success) Object.assign(settings, { [row.key]: parsed.data });
    else console.warn(`[settings] stored value of ${row.key} is invalid; using the default`);
  }
  return settings;
}

/** The settings in force (stored values over defaults), at most a second old. */
export function getSettings(): Promise<Settings> {
  const now = Date.now();
  const cached = state.suixinSettings;
  if (cached && now - cached.at < CACHE_MS) return cached.value;
  const value = load();
  state.suixinSettings = { at: now, value };
  value.catch(() => {
    if (state.suixinSettings?.value === value) state.suixinSettings = undefined;
  });
  return value;
}

export async function getSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
  return (await getSettings())[key];
}

/**
 * Stores one setting (validated by its schema) in the caller's transaction, so that the change
 * and its audit entry commit together. Returns the stored value.
 */
export async function saveSetting<K extends SettingKey>(tx: Tx, key: K, value: unknown, updatedById: string | null): Promise<Settings[K]> {
  const parsed = settingSchemas[key].parse(value) as Settings[K];
  await tx.setting.upsert({
    where: { key },
    create: { key, value: parsed, updatedById },
    update: { value: parsed, updatedById },
  });
  state.suixinSettings = undefined; // this instance sees its own change at once
  return parsed;
}
