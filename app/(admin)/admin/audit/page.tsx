import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import { Button } from "@/components/ui/button";
import { Pager, queryString } from "@/components/ui/pager";
import { listAudit } from "@/lib/admin/audit";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { AUDIT_ACTIONS, auditSearchSchema } from "@/lib/admin/schema";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Params = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function AuditPage({ searchParams }: { searchParams: Params }) {
  await requireOperatorPage("/admin/audit");
  const params = await searchParams;
  const search = auditSearchSchema.parse({ q: first(params.q) ?? "", action: first(params.action), page: first(params.page) ?? 1 });
  const result = await listAudit(search);
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-sm text-zinc-400">Everything operators did, and what the system did on its own. Entries are never changed or deleted.</p>
      </header>
      <form method="get" action="/admin/audit" role="search" className="flex flex-wrap gap-2">
        <input
          type="search"
          name="q"
          aria-label="Search the audit log"
          placeholder="Target, reason, operator or id"
          defaultValue={search.q}
          maxLength={100}
          className="min-w-0 flex-1 rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100 outline-none focus:border-brand"
        />
        <select
          name="action"
          aria-label="Kind of entry"
          defaultValue={search.action ?? ""}
          className="rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100"
        >
          <option value="">Every kind</option>
          {Object.entries(AUDIT_ACTIONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <AuditTable entries={result.rows} />
      <Pager
        page={result.page}
        pages={result.pages}
        total={result.total}
        noun={result.total === 1 ? "entry" : "entries"}
        hrefFor={(page) => `/admin/audit${queryString({ q: search.q, action: search.action, page })}`}
      />
    </section>
  );
}
