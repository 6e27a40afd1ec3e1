import { format } from "date-fns";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditTable } from "@/components/admin/audit-table";
import { StandingBadges } from "@/components/admin/standing-badges";
import { UserActions } from "@/components/admin/user-actions";
import { UserShows } from "@/components/admin/user-shows";
import { Pager } from "@/components/ui/pager";
import { listAudit } from "@/lib/admin/audit";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { pageParamSchema, userIdSchema } from "@/lib/admin/schema";
import { showsOfUser, userDetails } from "@/lib/users/user-details";

export const metadata: Metadata = { title: "User" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ userId: string }>; searchParams: Promise<{ page?: string | string[] }> };

export default async function UserPage({ params, searchParams }: Props) {
  const raw = (await params).userId;
  const operator = await requireOperatorPage(`/admin/users/${encodeURIComponent(raw)}`);
  const userId = userIdSchema.safeParse(raw);
  if (!userId.success) notFound();
  const user = await userDetails(userId.data);
  if (!user) notFound();
  const pageRaw = (await searchParams).page;
  const page = pageParamSchema.parse(Array.isArray(pageRaw) ? pageRaw[0] : pageRaw);
  const [shows, audit] = await Promise.all([
    showsOfUser(user.id, page),
    listAudit({ q: "", action: null, page: 1, target: { type: "user", id: user.id } }),
  ]);

  return (
    <section className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/admin/users" className="text-zinc-400 hover:text-white">
            ← Users
          </Link>
        </p>
        <h1 data-testid="user-name" className="text-2xl font-semibold">
          {user.name}
        </h1>
        <p className="text-sm text-zinc-400">
          {user.email} · joined {format(user.createdAt, "d MMM yyyy")} · id <code className="text-xs">{user.id}</code>
        </p>
        <p className="text-sm text-zinc-300">
          <span data-testid="user-balance">{user.balance}</span> coins · <span data-testid="user-reports">{user.reportsAgainst}</span>{" "}
          {user.reportsAgainst === 1 ? "report" : "reports"} against them
        </p>
        <StandingBadges role={user.role} banned={user.banned} muted={user.muted} />
      </header>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-3">
          <h2 className="text-lg font-semibold">Shows</h2>
          <UserShows shows={shows.rows} />
          <Pager page={shows.page} pages={shows.pages} total={shows.total} noun="shows" hrefFor={(p) => `/admin/users/${user.id}?page=${p}`} />
        </div>
        <aside className="rounded-lg border border-zinc-800 bg-zinc-900 p-4">
          <UserActions user={user} isSelf={user.id === operator.id} />
        </aside>
      </div>
      <div className="space-y-3">
        <h2 className="text-lg font-semibold">Audit log about this user</h2>
        <AuditTable entries={audit.rows} />
        {audit.total > audit.rows.length ? (
          <Link href={`/admin/audit?q=${encodeURIComponent(user.id)}`} className="text-sm text-brand hover:underline">
            All {audit.total} entries →
          </Link>
        ) : null}
      </div>
    </section>
  );
}
