"use client";

import { format } from "date-fns";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ScorePoint } from "@/lib/screening/queue";
import { SCREENING_CLASSES } from "@/lib/screening/rules";

const COLORS = { Drawing: "#60a5fa", Hentai: "#f472b6", Neutral: "#a1a1aa", Porn: "#ef4444", Sexy: "#f59e0b" } as const;
const AXIS = { stroke: "#71717a", fontSize: 11 };

/** A show's recent screening scores per class, oldest sample on the left. */
export function ScoreHistoryChart({ points }: { points: ScorePoint[] }) {
  return (
    <LineChart responsive style={{ width: "100%", height: 160 }} data={points} margin={{ top: 4, right: 8, bottom: 0, left: -24 }}>
      <CartesianGrid stroke="#27272a" vertical={false} />
      <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(t: number) => format(t, "HH:mm:ss")} {...AXIS} />
      <YAxis domain={[0, 1]} ticks={[0, 0.5, 1]} {...AXIS} />
      <Tooltip
        contentStyle={{ background: "#18181b", border: "1px solid #3f3f46" }}
        labelFormatter={(t) => format(Number(t), "HH:mm:ss")}
        formatter={(v, name) => [Number(v).toFixed(2), name]}
      />
      <Legend wrapperStyle={{ fontSize: 11 }} />
      {SCREENING_CLASSES.map((c) => (
        <Line key={c} dataKey={c} stroke={COLORS[c]} dot={false} isAnimationActive={false} />
      ))}
    </LineChart>
  );
}
