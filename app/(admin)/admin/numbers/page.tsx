import type { Metadata } from "next";
import Link from "next/link";
import { ChartCard } from "@/components/admin/chart-card";
import { PerDayChart, TopHostsChart, ViewersChart } from "@/components/admin/charts";
import { Button } from "@/components/ui/button";
import { queryString } from "@/components/ui/pager";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { METRIC_RANGE_NAMES, METRIC_RANGES, type MetricRange, numbersSearchSchema } from "@/lib/admin/schema";
import { DAYS_SHOWN, type Point, giftRevenuePerDay, newUsersPerDay, showsPerDay, topHosts, viewerSeries } from "@/lib/metrics/series";
import { getShowByRoomNumber } from "@/lib/shows/get-show";

export const metadata: Metadata = { title: "Numbers" };
export const dynamic = "force-dynamic";

type Params = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function peak(points: Point[]): string {
  const values = points.flatMap((p) => (p.v === null ? [] : [p.v]));
  return values.length ? `peak ${Math.max(...values)} concurrent viewers` : "no samples in this range yet";
}

function total(points: Point[]): number {
  return points.reduce((sum, p) => sum + (p.v ?? 0), 0);
}

const RANGE_LABELS: Record<MetricRange, string> = { "1h": "last hour", "24h": "last 24 hours", "7d": "last 7 days" };

function RangeTabs({ range, room }: { range: MetricRange; room: number | undefined }) {
  return (
    <nav aria-label="Range" className="flex gap-1">
      {METRIC_RANGE_NAMES.map((r) => (
        <Link
          key={r}
          href={`/admin/numbers${queryString({ range: r, room })}`}
          aria-current={r === range ? "page" : undefined}
          className={`rounded px-3 py-1 text-sm ${r === range ? "bg-zinc-800 text-white" : "text-zinc-400 hover:text-white"}`}
        >
          {r}
        </Link>
      ))}
    </nav>
  );
}

async function ShowChart({ range, room }: { range: MetricRange; room: number }) {
  const show = await getShowByRoomNumber(room);
  if (!show) return <p className="text-sm text-zinc-400">There is no show in room {room}.</p>;
  const points = await viewerSeries(range, show.id);
  return (
    <ChartCard testId="chart-show-viewers" title={`Viewers of room ${room}: ${show.title}`} summary={`${peak(points)}, ${RANGE_LABELS[range]}`}>
      <ViewersChart points={points} spanSeconds={METRIC_RANGES[range]} />
    </ChartCard>
  );
}

export default async function NumbersPage({ searchParams }: { searchParams: Params }) {
  await requireOperatorPage("/admin/numbers");
  const params = await searchParams;
  const { range, room } = numbersSearchSchema.parse({ range: first(params.range), room: first(params.room) });
  const [site, shows, users, revenue, hosts] = await Promise.all([viewerSeries(range), showsPerDay(), newUsersPerDay(), giftRevenuePerDay(), topHosts()]);

  return (
    <section className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Numbers</h1>
        <RangeTabs range={range} room={room} />
      </header>
      <ChartCard testId="chart-site-viewers" title="Concurrent viewers, all shows" summary={`${peak(site)}, ${RANGE_LABELS[range]}`}>
        <ViewersChart points={site} spanSeconds={METRIC_RANGES[range]} />
      </ChartCard>
      <form method="get" action="/admin/numbers" className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="range" value={range} />
        <label htmlFor="room" className="text-sm text-zinc-300">
          Viewers of one show, room
        </label>
        <input
          id="room"
          name="room"
          inputMode="numeric"
          defaultValue={room ?? ""}
          className="w-28 rounded border border-zinc-700 bg-zinc-900 px-3 py-1.5 text-sm text-zinc-100"
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      {room ? <ShowChart range={range} room={room} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard testId="chart-shows-per-day" title="Shows per day" summary={`${total(shows)} ${total(shows) === 1 ? "show" : "shows"} started in the last ${DAYS_SHOWN} days (UTC days)`}>
          <PerDayChart points={shows} noun="shows" />
        </ChartCard>
        <ChartCard testId="chart-users-per-day" title="New users per day" summary={`${total(users)} ${total(users) === 1 ? "account" : "accounts"} created in the last ${DAYS_SHOWN} days (UTC days)`}>
          <PerDayChart points={users} noun="new users" />
        </ChartCard>
      </div>
      <ChartCard testId="chart-gift-revenue" title="Gift revenue per day" summary={`${total(revenue)} coins spent on gifts in the last ${DAYS_SHOWN} days (UTC days)`}>
        <PerDayChart points={revenue} noun="coins" />
      </ChartCard>
      <ChartCard
        testId="chart-top-hosts"
        title="Top hosts"
        summary={hosts.length ? `by unique viewers over the last ${DAYS_SHOWN} days: ${hosts[0]?.name} leads with ${hosts[0]?.viewers}` : `nobody went live in the last ${DAYS_SHOWN} days`}
      >
        {hosts.length ? <TopHostsChart hosts={hosts} /> : null}
      </ChartCard>
    </section>
  );
}
