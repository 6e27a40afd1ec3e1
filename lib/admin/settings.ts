import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { settingChangeSchema } from "@/lib/admin/schema";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getSettings, saveSetting } from "@/lib/settings";
import { settingSchemas } from "@/lib/settings/schema";

/**
 * An operator changes one setting: validated by that setting's schema (bad values change
 * nothing), stored and audited (old and new value) in one transaction, in force on every
 * instance within a second, no restart.
 */
export async function changeSetting(operator: SessionUser, input: z.output<typeof settingChangeSchema>): Promise<{ changed: boolean }> {
  const parsed = settingSchemas[input.key].safeParse(input.value);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[["value", ...issue.path.map(String)].join(".")] ??= []).push(issue.message);
    const first = parsed.error.issues[0];
    const where = first?.path.length ? `${first.path.join(" ")}: ` : "";
    throw new AppError("VALIDATION", `${where}${first?.message ?? "Invalid value"}`, fields);
  }
  const before = (await getSettings())[input.key];
  if (JSON.stringify(before) === JSON.stringify(parsed.data)) return { changed: false };
  await db.$transaction(async (tx) => {
    const stored = await saveSetting(tx, input.key, parsed.data, operator.id);
    await recordAudit(tx, operator, {
      action: "setting.update",
      target: { type: "setting", id: input.key, label: input.key },
      reason: input.reason,
      details: { from: before, to: stored },
    });
  });
  return { changed: true };
}
