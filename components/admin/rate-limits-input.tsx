"use client";

import { useState } from "react";
import { ReasonAndSave } from "@/components/admin/reason-and-save";
import type { FieldErrors } from "@/lib/errors";
import { type LimitName, type RateLimitOverrides, defaultLimits, limitNames, resolveLimits } from "@/lib/rate-limit/limits";

const NUMBER_FIELDS = [
  { key: "points", label: "uses" },
  { key: "durationSeconds", label: "per (s)" },
  { key: "growingBlockSeconds", label: "block (s)" },
  { key: "maxBlockSeconds", label: "max block (s)" },
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number]["key"];

type Row = Record<NumberField, string>;
type Draft = Partial<Record<LimitName, Row>>;
const EMPTY_ROW: Row = { points: "", durationSeconds: "", growingBlockSeconds: "", maxBlockSeconds: "" };

function draftOf(overrides: RateLimitOverrides): Draft {
  const limits = resolveLimits(overrides);
  const text = (value: number | undefined) => (value === undefined ? "" : String(value));
  const row = (name: LimitName) => ({
    points: text(limits[name].points),
    durationSeconds: text(limits[name].durationSeconds),
    growingBlockSeconds: text(limits[name].growingBlockSeconds),
    maxBlockSeconds: text(limits[name].maxBlockSeconds),
  });
  return Object.fromEntries(limitNames.map((name) => [name, row(name)]));
}

/** What differs from the built-in limits becomes the override (blank: no value; the schema decides). */
function overridesOf(draft: Draft): Record<string, Record<string, number | null>> {
  const overrides: Record<string, Record<string, number | null>> = {};
  for (const name of limitNames) {
    const builtIn: Partial<Record<NumberField, number>> = defaultLimits[name];
    for (const { key } of NUMBER_FIELDS) {
      const text = (draft[name] ?? EMPTY_ROW)[key].trim();
      const value = text === "" ? undefined : Number(text);
      if (value === builtIn[key]) continue;
      (overrides[name] ??= {})[key] = value ?? null;
    }
  }
  return overrides;
}

/** The rate limits as a table: every named limit, its uses per window and its blocks. */
export function RateLimitsInput({ id, value, defaults, fields, pending, onSave }: {
  id: string;
  value: RateLimitOverrides;
  defaults: RateLimitOverrides;
  fields: FieldErrors;
  pending: boolean;
  onSave: (value: unknown, reason: string) => Promise<void>;
}) {
  const [draft, setDraft] = useState(() => draftOf(value));
  const envDefaults = resolveLimits(defaults);

  return (
    <form
      id={id}
      noValidate
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(overridesOf(draft), String(new FormData(event.currentTarget).get("reason") ?? ""));
      }}
    >
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-500">
            <tr>
              <th className="py-1 pr-2 font-normal">limit</th>
              {NUMBER_FIELDS.map((f) => (
                <th key={f.key} className="py-1 pr-2 font-normal">
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {limitNames.map((name) => (
              <tr key={name} data-testid={`rate-limit-${name}`} className="border-t border-zinc-800">
                <td className="py-1 pr-2">
                  <code className="text-xs">{name}</code>
                  <div className="text-xs text-zinc-500">{defaultLimits[name].what}</div>
                </td>
                {NUMBER_FIELDS.map((f) => (
                  <td key={f.key} className="py-1 pr-2">
                    <input
                      aria-label={`${name} ${f.label}`}
                      aria-invalid={fields[`value.${name}.${f.key}`] ? true : undefined}
                      inputMode="numeric"
                      value={(draft[name] ?? EMPTY_ROW)[f.key]}
                      placeholder={String(envDefaults[name][f.key] ?? "")}
                      onChange={(e) => setDraft((d) => ({ ...d, [name]: { ...(d[name] ?? EMPTY_ROW), [f.key]: e.target.value } }))}
                      className="w-24 rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm text-zinc-100 aria-invalid:border-red-600"
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ReasonAndSave settingLabel="Rate limits" saveLabel="Save rate limits" pending={pending} />
    </form>
  );
}
