import type { Metadata } from "next";
import { ReportCard } from "@/components/admin/report-card";
import { ReportTabs } from "@/components/admin/report-tabs";
import { Pager } from "@/components/ui/pager";
import { listReports } from "@/lib/admin/reports";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { reportSearchSchema } from "@/lib/admin/schema";
import { countOpenFlags } from "@/lib/screening/queue";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

type Params = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function ReportsPage({ searchParams }: { searchParams: Params }) {
  await requireOperatorPage("/admin/reports");
  const params = await searchParams;
  const search = reportSearchSchema.parse({ status: first(params.status), page: first(params.page) ?? 1 });
  const [result, screeningOpen] = await Promise.all([listReports(search), countOpenFlags()]);
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">Reports</h1>
        <p className="text-sm text-zinc-400">Messages and shows people reported from the room, and what automatic screening raised; oldest first. Every action is audited.</p>
      </header>
      <ReportTabs current={search.status} screeningOpen={screeningOpen} />
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
