import type { Metadata } from "next";
import { LiveMonitor } from "@/components/admin/live-monitor";
import { liveMonitorPage } from "@/lib/admin/live-monitor";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { pageParamSchema } from "@/lib/admin/schema";

export const metadata: Metadata = { title: "Live now" };
export const dynamic = "force-dynamic";

export default async function LiveMonitorPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await requireOperatorPage("/admin");
  const raw = (await searchParams).page;
  const page = pageParamSchema.parse(Array.isArray(raw) ? raw[0] : raw);
  return (
    <section>
      <h1 className="mb-1 text-2xl font-semibold">Live now</h1>
      <LiveMonitor key={page} initial={await liveMonitorPage(page)} />
    </section>
  );
}
