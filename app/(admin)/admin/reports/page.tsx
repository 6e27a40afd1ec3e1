import type { Metadata } from "next";
import Link from "next/link";
import { ReportCard } from "@/components/admin/report-card";
import { Pager } from "@/components/ui/pager";
import { listReports } from "@/lib/admin/reports";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { REPORT_STATUSES, reportSearchSchema } from "@/lib/admin/schema";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

type Params = Promise<Record<string, string | string[] | undefined>>;

const TABS = { OPEN: "Open", RESOLVED: "Acted on", DISMISSED: "Dismissed" } as const;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function ReportsPage({ searchParams }: { searchParams: Params }) {
  await requireOperatorPage("/admin/reports");
  const params = await searchParams;
  const search = reportSearchSchema.parse({ status: first(params.status), page: first(params.page) ?? 1 });
  const result = await listReports(search);
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">Reports</h1>
        <p className="text-sm text-zinc-400">Messages and shows people reported from the room, oldest first. Every action is audited.</p>
      </header>
      <nav aria-label="Report status" className="flex gap-2 text-sm">
        {REPORT_STATUSES.map((status) => (
          <Link
            key={status}
            href={`/admin/reports?status=${status}`}
            aria-current={status === search.status ? "page" : undefined}
            className={`rounded px-3 py-1 ${status === search.status ? "bg-zinc-800 text-white" : "text-zinc-400 hover:text-white"}`}
          >
            {TABS[status]}
          </Link>
        ))}
      </nav>
      {result.rows.length === 0 ? <p className="text-zinc-400">No reports here.</p> : null}
      <div className="space-y-3">
        {result.rows.map((report) => (
          <ReportCard key={report.id} report={report} />
        ))}
      </div>
      <Pager page={result.page} pages={result.pages} total={result.total} noun="reports" hrefFor={(p) => `/admin/reports?status=${search.status}&page=${p}`} />
    </section>
  );
}
