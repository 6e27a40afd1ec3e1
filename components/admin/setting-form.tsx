"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { saveSettingAction } from "@/components/admin/actions/settings";
import { RateLimitsInput } from "@/components/admin/rate-limits-input";
import { ReasonAndSave } from "@/components/admin/reason-and-save";
import { ScreeningRulesInput } from "@/components/admin/screening-rules-input";
import { FormError } from "@/components/ui/form-error";
import type { FieldErrors } from "@/lib/errors";
import { settingFields } from "@/lib/settings/fields";
import { type SettingKey, type Settings, settingSchemas } from "@/lib/settings/schema";

const inputClass = "rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100 outline-none focus:border-brand";

/** The form's raw value → what the setting's schema checks (it refuses what does not fit). */
function valueFrom(form: FormData, kind: string): unknown {
  const raw = form.get("value");
  if (kind === "boolean") return raw === "on";
  if (kind === "list") return String(raw ?? "").split("\n").map((w) => w.trim()).filter(Boolean);
  const text = String(raw ?? "").trim();
  return text === "" ? null : Number(text);
}

function Input<K extends SettingKey>({ settingKey, value, id }: { settingKey: K; value: Settings[K]; id: string }) {
  const field = settingFields[settingKey];
  switch (field.kind) {
    case "boolean":
      return <input id={id} name="value" type="checkbox" defaultChecked={value === true} className="h-5 w-5 accent-brand" />;
    case "list":
      return <textarea id={id} name="value" rows={4} defaultValue={Array.isArray(value) ? value.join("\n") : ""} className={`w-full ${inputClass}`} />;
    case "number":
      return <input id={id} name="value" type="number" inputMode="numeric" defaultValue={String(value)} className={`w-32 ${inputClass}`} />;
    default:
      return null;
  }
}

/**
 * One setting: its current value, edited and saved on its own (each change is one audit entry).
 * Checked here with the setting's schema for a quick answer, and again on the server.
 */
export function SettingForm<K extends SettingKey>({ settingKey, value, defaultValue }: { settingKey: K; value: Settings[K]; defaultValue: Settings[K] }) {
  const router = useRouter();
  const field = settingFields[settingKey];
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save(next: unknown, reason: string) {
    setError(null);
    setSaved(null);
    const checked = settingSchemas[settingKey].safeParse(next);
    if (!checked.success) {
      const first = checked.error.issues[0];
      setError(`${first?.path.length ? `${first.path.join(" ")}: ` : ""}${first?.message ?? "Invalid value"}`);
      return;
    }
    setPending(true);
    const result = await saveSettingAction({ key: settingKey, value: checked.data, reason });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      setFields(result.error.fields ?? {});
      return;
    }
    setFields({});
    setSaved(result.data.changed ? "Saved: in force within a second." : "Nothing changed.");
    router.refresh();
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await save(valueFrom(form, field.kind), String(form.get("reason") ?? ""));
  }

  return (
    <section data-testid={`setting-${settingKey}`} className="space-y-2 rounded-lg border border-zinc-800 bg-zinc-900 p-4">
      <header>
        <label htmlFor={id} className="font-medium">
          {field.label}
          {field.unit ? <span className="font-normal text-zinc-400"> ({field.unit})</span> : null}
        </label>
        <p className="text-sm text-zinc-400">{field.help}</p>
      </header>
      {field.kind === "rate-limits" ? (
        <RateLimitsInput id={id} value={settingSchemas.rateLimits.parse(value)} defaults={settingSchemas.rateLimits.parse(defaultValue)} fields={fields} pending={pending} onSave={save} />
      ) : field.kind === "screening-rules" ? (
        <ScreeningRulesInput id={id} value={settingSchemas.screeningRules.parse(value)} defaults={settingSchemas.screeningRules.parse(defaultValue)} pending={pending} onSave={save} />
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-2">
          <Input settingKey={settingKey} value={value} id={id} />
          <p className="text-xs text-zinc-500">Default: {JSON.stringify(defaultValue)}</p>
          <ReasonAndSave settingLabel={field.label} pending={pending} />
        </form>
      )}
      <FormError message={error} />
      {saved ? (
        <p role="status" data-testid="setting-saved" className="text-sm text-emerald-400">
          {saved}
        </p>
      ) : null}
    </section>
  );
}
