import type { Metadata } from "next";
import { ReportTabs } from "@/components/admin/report-tabs";
import { FlagCard } from "@/components/screening/flag-card";
import { Pager } from "@/components/ui/pager";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { pageParamSchema } from "@/lib/admin/schema";
import { listOpenFlags } from "@/lib/screening/queue";

export const metadata: Metadata = { title: "Automatic screening" };
export const dynamic = "force-dynamic";

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function ScreeningQueuePage({ searchParams }: { searchParams: Params }) {
  await requireOperatorPage("/admin/reports/screening");
  const { page } = await searchParams;
  const result = await listOpenFlags(pageParamSchema.parse(Array.isArray(page) ? page[0] : (page ?? 1)));
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">Reports</h1>
        <p className="text-sm text-zinc-400">Shows automatic screening flagged, blurred or ended, oldest first, with the frame and the scores. “Looks fine” clears a blur at once.</p>
      </header>
      <ReportTabs current="SCREENING" screeningOpen={result.total} />
      {result.rows.length === 0 ? <p className="text-zinc-400">Nothing flagged.</p> : null}
      <div className="space-y-3">
        {result.rows.map((flag) => (
          <FlagCard key={flag.id} flag={flag} />
        ))}
      </div>
      <Pager page={result.page} pages={result.pages} total={result.total} noun="flags" hrefFor={(p) => `/admin/reports/screening?page=${p}`} />
    </section>
  );
}
