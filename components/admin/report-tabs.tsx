import Link from "next/link";
import { REPORT_STATUSES, type ReportSearch } from "@/lib/admin/schema";

const TABS = { OPEN: "Open", RESOLVED: "Acted on", DISMISSED: "Dismissed" } as const;

/** The queue's tabs: reports people filed, by status, and the items automatic screening raised. */
export function ReportTabs({ current, screeningOpen }: { current: ReportSearch["status"] | "SCREENING"; screeningOpen: number }) {
  const tabs = [
    ...REPORT_STATUSES.map((status) => ({ key: status, href: `/admin/reports?status=${status}`, label: TABS[status] })),
    { key: "SCREENING", href: "/admin/reports/screening", label: `Automatic screening (${screeningOpen})` },
  ];
  return (
    <nav aria-label="Report status" className="flex flex-wrap gap-2 text-sm">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`rounded px-3 py-1 ${tab.key === current ? "bg-zinc-800 text-white" : "text-zinc-400 hover:text-white"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
