import Link from "next/link";
import { z } from "zod";
import type { AuditEntryView } from "@/lib/admin/audit";
import { AUDIT_ACTIONS, isAuditAction } from "@/lib/admin/schema";

function targetHref(entry: AuditEntryView): string | null {
  if (entry.targetType === "user") return `/admin/users/${entry.targetId}`;
  if (entry.targetType === "setting") return "/admin/settings";
  return null;
}

function utc(at: Date): string {
  return at.toISOString().slice(0, 19).replace("T", " ");
}

// The parts of an entry's details worth a glance (lib/admin writes them).
const detailsSchema = z.object({ from: z.unknown(), to: z.unknown(), until: z.string().nullable() }).partial();

/** A setting's old and new value, a ban's or mute's end. */
function summary(entry: AuditEntryView): string | null {
  const details = detailsSchema.safeParse(entry.details ?? {});
  if (!details.success) return null;
  if (entry.action === "setting.update") return `${JSON.stringify(details.data.from)} → ${JSON.stringify(details.data.to)}`;
  return details.data.until ? `until ${utc(new Date(details.data.until))} UTC` : null;
}

/** Audit entries, newest first: when, who (or "system"), what, on what, why. */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  if (entries.length === 0) return <p className="py-6 text-zinc-400">No entries.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-2 pr-3 font-normal">When (UTC)</th>
            <th className="py-2 pr-3 font-normal">Who</th>
            <th className="py-2 pr-3 font-normal">What</th>
            <th className="py-2 pr-3 font-normal">Target</th>
            <th className="py-2 font-normal">Reason</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const href = targetHref(e);
            return (
              <tr key={e.id} data-testid="audit-row" data-action={e.action} className="border-t border-zinc-800 align-top">
                <td className="whitespace-nowrap py-2 pr-3 text-zinc-400">{utc(e.at)}</td>
                <td data-testid="audit-actor" className="py-2 pr-3">
                  {e.actor ? (
                    <Link href={`/admin/users/${e.actor.id}`} className="hover:underline">
                      {e.actor.name}
                    </Link>
                  ) : (
                    <span className="text-zinc-400">system</span>
                  )}
                </td>
                <td className="py-2 pr-3">
                  {isAuditAction(e.action) ? AUDIT_ACTIONS[e.action] : e.action}
                  {summary(e) ? <div data-testid="audit-summary" className="break-all text-xs text-zinc-400">{summary(e)}</div> : null}
                </td>
                <td data-testid="audit-target" className="py-2 pr-3">
                  {href ? (
                    <Link href={href} className="hover:underline">
                      {e.targetLabel}
                    </Link>
                  ) : (
                    e.targetLabel
                  )}
                </td>
                <td data-testid="audit-reason" className="py-2 text-zinc-300">
                  {e.reason ?? <span className="text-zinc-500">—</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
