"use client";

import { format } from "date-fns";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { Point, TopHost } from "@/lib/metrics/series";

// Charts of the dashboard's numbers (recharts, SVG). Times are shown in the operator's own time zone.

const AXIS = { stroke: "#71717a", fontSize: 12 };
const GRID = "#27272a";
const TOOLTIP = { contentStyle: { background: "#18181b", border: "1px solid #3f3f46" }, labelStyle: { color: "#e4e4e7" } };
const SIZE = { width: "100%", height: 240 };

/** Peak concurrent viewers per bucket; gaps (nothing sampled) stay gaps. */
export function ViewersChart({ points, spanSeconds }: { points: Point[]; spanSeconds: number }) {
  const tick = (t: number) => format(t, spanSeconds > 86_400 ? "d MMM" : "HH:mm");
  return (
    <AreaChart responsive style={SIZE} data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
      <CartesianGrid stroke={GRID} vertical={false} />
      <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tick} {...AXIS} />
      <YAxis allowDecimals={false} {...AXIS} />
      <Tooltip {...TOOLTIP} labelFormatter={(t) => format(Number(t), "d MMM HH:mm")} formatter={(v) => [v, "viewers"]} />
      <Area type="monotone" dataKey="v" stroke="#e11d48" fill="#e11d48" fillOpacity={0.25} connectNulls={false} isAnimationActive={false} />
    </AreaChart>
  );
}

/** One bar per day. */
export function PerDayChart({ points, noun }: { points: Point[]; noun: string }) {
  return (
    <BarChart responsive style={SIZE} data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
      <CartesianGrid stroke={GRID} vertical={false} />
      <XAxis dataKey="t" tickFormatter={(t: number) => format(t, "d MMM")} {...AXIS} />
      <YAxis allowDecimals={false} {...AXIS} />
      <Tooltip {...TOOLTIP} labelFormatter={(t) => format(Number(t), "EEE d MMM")} formatter={(v) => [v, noun]} />
      <Bar dataKey="v" fill="#e11d48" isAnimationActive={false} />
    </BarChart>
  );
}

/** The top hosts by viewers, longest bar first. */
export function TopHostsChart({ hosts }: { hosts: TopHost[] }) {
  return (
    <BarChart responsive style={{ width: "100%", height: Math.max(120, hosts.length * 32 + 40) }} data={hosts} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid stroke={GRID} horizontal={false} />
      <XAxis type="number" allowDecimals={false} {...AXIS} />
      <YAxis type="category" dataKey="name" width={120} {...AXIS} />
      <Tooltip {...TOOLTIP} formatter={(v) => [v, "viewers"]} />
      <Bar dataKey="viewers" fill="#e11d48" isAnimationActive={false} />
    </BarChart>
  );
}
