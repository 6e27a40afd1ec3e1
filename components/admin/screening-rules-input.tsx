"use client";

import { useState } from "react";
import { ReasonAndSave } from "@/components/admin/reason-and-save";
import { Button } from "@/components/ui/button";
import { SCREENING_ACTIONS, SCREENING_CLASSES, type ScreeningRule } from "@/lib/screening/rules";

type Row = { key: number; class: string; threshold: string; action: string };

const cell = "rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm text-zinc-100";

/**
 * Screening's rules as rows of class, threshold and action. Sent as typed (the threshold as a
 * number, blank as nothing) so the setting's schema names any problem, here and on the server.
 */
export function ScreeningRulesInput({ id, value, defaults, pending, onSave }: {
  id: string;
  value: ScreeningRule[];
  defaults: ScreeningRule[];
  pending: boolean;
  onSave: (value: unknown, reason: string) => Promise<void>;
}) {
  const [next, setNext] = useState(value.length);
  const [rows, setRows] = useState<Row[]>(() => value.map((rule, key) => ({ key, class: rule.class, threshold: String(rule.threshold), action: rule.action })));
  const update = (key: number, change: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  function addRule() {
    setRows((all) => [...all, { key: next, class: "Porn", threshold: "0.9", action: "flag" }]);
    setNext((n) => n + 1);
  }

  return (
    <form
      id={id}
      noValidate
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        const rules = rows.map((r) => ({ class: r.class, threshold: r.threshold.trim() === "" ? undefined : Number(r.threshold), action: r.action }));
        void onSave(rules, String(new FormData(event.currentTarget).get("reason") ?? ""));
      }}
    >
      <table className="text-left text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-1 pr-2 font-normal">class</th>
            <th className="py-1 pr-2 font-normal">score at least (0–1)</th>
            <th className="py-1 pr-2 font-normal">action</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} data-testid="screening-rule" className="border-t border-zinc-800">
              <td className="py-1 pr-2">
                <select aria-label={`Rule ${index + 1} class`} value={row.class} onChange={(e) => update(row.key, { class: e.target.value })} className={cell}>
                  {SCREENING_CLASSES.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </td>
              <td className="py-1 pr-2">
                <input
                  aria-label={`Rule ${index + 1} threshold`}
                  inputMode="decimal"
                  value={row.threshold}
                  onChange={(e) => update(row.key, { threshold: e.target.value })}
                  className={`w-24 ${cell}`}
                />
              </td>
              <td className="py-1 pr-2">
                <select aria-label={`Rule ${index + 1} action`} value={row.action} onChange={(e) => update(row.key, { action: e.target.value })} className={cell}>
                  {SCREENING_ACTIONS.map((a) => (
                    <option key={a} value={a}>
                      {a === "flag" ? "flag for review" : a === "blur" ? "blur for viewers" : "end the show"}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-1">
                <Button type="button" variant="secondary" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button type="button" variant="secondary" onClick={addRule}>
        Add a rule
      </Button>
      <p className="text-xs text-zinc-500">Default: {defaults.map((r) => `${r.action} ${r.class} ≥ ${r.threshold}`).join("; ") || "none"}</p>
      <ReasonAndSave settingLabel="Screening rules" saveLabel="Save screening rules" pending={pending} />
    </form>
  );
}
