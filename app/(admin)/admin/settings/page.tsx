import type { Metadata } from "next";
import { SettingForm } from "@/components/admin/setting-form";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { getSettingDefaults, getSettings } from "@/lib/settings";
import { settingKeys } from "@/lib/settings/schema";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requireOperatorPage("/admin/settings");
  const [settings, defaults] = [await getSettings(), getSettingDefaults()];
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="text-sm text-zinc-400">Saved in the database, in force on every app instance within a second, no restart. Every change goes into the audit log.</p>
      </header>
      {settingKeys.map((key) => (
        <SettingForm key={key} settingKey={key} value={settings[key]} defaultValue={defaults[key]} />
      ))}
    </section>
  );
}
