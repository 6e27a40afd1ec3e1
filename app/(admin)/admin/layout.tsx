import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireOperatorPage } from "@/lib/admin/require-operator";

export const metadata: Metadata = { title: { default: "Dashboard", template: "%s · Dashboard · Suixin" } };

/**
 * The operator dashboard. The check here runs before anything streams, so a visitor is
 * redirected and a user gets a real 403; every page, route and action checks again itself.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireOperatorPage("/admin");
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-[11rem_minmax(0,1fr)]">
      <aside>
        <p className="mb-2 hidden px-3 text-xs font-semibold uppercase tracking-wide text-zinc-500 md:block">Dashboard</p>
        <AdminNav />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
