import "server-only";
import { METRIC_RANGES, type MetricRange } from "@/lib/admin/schema";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const DAY_MS = 86_400_000;

// Points per chart stay between 120 and 170 whatever the range: 30 s buckets for an hour,
// 10 min for a day, 1 h for a week. A bucket shows the highest sample in it (the peak).
const BUCKET_SECONDS: Record<MetricRange, number> = { "1h": 30, "24h": 600, "7d": 3600 };

/** A point of a time series: `t` in ms since the epoch; `v` null where nothing was sampled. */
export type Point = { t: number; v: number | null };

type Row = { t: number; v: number };

/**
 * Every bucket from `fromMs` to `toMs`, with the value found for it or `empty`: a gap in the
 * samples (the app was down) is no data, not zero viewers; a day without new shows is zero.
 */
function fill(rows: Row[], fromMs: number, toMs: number, bucketMs: number, empty: number | null): Point[] {
  const found = new Map(rows.map((r) => [r.t, r.v]));
  const points: Point[] = [];
  for (let t = Math.floor(fromMs / bucketMs) * bucketMs; t <= toMs; t += bucketMs) points.push({ t, v: found.get(t) ?? empty });
  return points;
}

// Timestamps are stored as UTC without a time zone; the queries convert explicitly, so the
// database session's time zone never matters.

/** Peak concurrent viewers over the range: site-wide (sum over live shows), or of one show. */
export async function viewerSeries(range: MetricRange, showId?: string, now = Date.now()): Promise<Point[]> {
  const bucket = BUCKET_SECONDS[range];
  const fromMs = now - METRIC_RANGES[range] * 1000;
  const from = fromMs / 1000;
  const rows = showId
    ? await db.$queryRaw<Row[]>`
        SELECT EXTRACT(EPOCH FROM date_bin(make_interval(secs => ${bucket}::float8), "at", TIMESTAMP '2000-01-01'))::float8 * 1000 AS t,
               MAX("viewers")::int AS v
        FROM "ShowSample" WHERE "showId" = ${showId} AND "at" >= (to_timestamp(${from}::float8) AT TIME ZONE 'UTC')
        GROUP BY 1 ORDER BY 1`
    : await db.$queryRaw<Row[]>`
        SELECT EXTRACT(EPOCH FROM date_bin(make_interval(secs => ${bucket}::float8), "at", TIMESTAMP '2000-01-01'))::float8 * 1000 AS t,
               MAX("viewers")::int AS v
        FROM "SiteSample" WHERE "at" >= (to_timestamp(${from}::float8) AT TIME ZONE 'UTC')
        GROUP BY 1 ORDER BY 1`;
  return fill(rows, fromMs, now, bucket * 1000, null);
}

export const DAYS_SHOWN = 30;

function daysFrom(now: number): { fromMs: number; from: number } {
  const fromMs = Math.floor(now / DAY_MS) * DAY_MS - (DAYS_SHOWN - 1) * DAY_MS;
  return { fromMs, from: fromMs / 1000 };
}

// What the per-day charts count: fixed SQL (never input), one query shape for all of them.
const PER_DAY = {
  shows: { value: Prisma.sql`COUNT(*)::int`, table: Prisma.sql`"Show"`, at: Prisma.sql`"startedAt"` },
  users: { value: Prisma.sql`COUNT(*)::int`, table: Prisma.sql`"User"`, at: Prisma.sql`"createdAt"` },
  giftCoins: { value: Prisma.sql`SUM(coins)::int`, table: Prisma.sql`"GiftEvent"`, at: Prisma.sql`"createdAt"` },
} as const;

async function perDay(what: keyof typeof PER_DAY, now: number): Promise<Point[]> {
  const { value, table, at } = PER_DAY[what];
  const { fromMs, from } = daysFrom(now);
  const rows = await db.$queryRaw<Row[]>`
    SELECT EXTRACT(EPOCH FROM date_trunc('day', ${at}))::float8 * 1000 AS t, ${value} AS v
    FROM ${table} WHERE ${at} >= (to_timestamp(${from}::float8) AT TIME ZONE 'UTC')
    GROUP BY 1 ORDER BY 1`;
  return fill(rows, fromMs, now, DAY_MS, 0);
}

/** Shows started per UTC day, the last 30 days. */
export function showsPerDay(now = Date.now()): Promise<Point[]> {
  return perDay("shows", now);
}

/** Accounts created per UTC day, the last 30 days. */
export function newUsersPerDay(now = Date.now()): Promise<Point[]> {
  return perDay("users", now);
}

/** Coins spent on gifts per UTC day (what senders paid: the hosts' and the platform's shares together), the last 30 days. */
export function giftRevenuePerDay(now = Date.now()): Promise<Point[]> {
  return perDay("giftCoins", now);
}

export const TOP_HOSTS = 10;

/** The hosts whose shows drew the most viewers (unique viewers summed) in the last 30 days. */
export async function topHosts(now = Date.now()) {
  const { fromMs } = daysFrom(now);
  const groups = await db.show.groupBy({
    by: ["hostId"],
    where: { startedAt: { gte: new Date(fromMs) } },
    _sum: { uniqueViewers: true },
    _max: { peakViewers: true },
    _count: { _all: true },
    orderBy: [{ _sum: { uniqueViewers: "desc" } }, { hostId: "asc" }],
    take: TOP_HOSTS,
  });
  const hosts = await db.user.findMany({ where: { id: { in: groups.map((g) => g.hostId) } }, select: { id: true, name: true } });
  const names = new Map(hosts.map((h) => [h.id, h.name]));
  return groups.map((g) => ({
    hostId: g.hostId,
    name: names.get(g.hostId) ?? "?",
    viewers: g._sum.uniqueViewers ?? 0,
    peak: g._max.peakViewers ?? 0,
    shows: g._count._all,
  }));
}

export type TopHost = Awaited<ReturnType<typeof topHosts>>[number];
