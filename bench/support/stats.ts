// Small statistics and table printing shared by the benchmarks.
import os from "node:os";

/** Nearest-rank percentile (p in 0..100) of a non-empty sample; NaN for an empty one. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** Pads columns so figures line up; the first column is left-aligned, the rest right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "))
    .join("\n");
}

/** A duration for a report: whole milliseconds, "–" when there is none. */
export function ms(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value)} ms` : "–";
}

/** The header of `sampleRow`'s rows. */
export const SAMPLE_HEADER: readonly string[] = ["", "runs", "p50", "p95", "min", "max"];

/** A row summing up one series of durations: its name, how many, p50, p95, min and max. */
export function sampleRow(name: string, values: readonly number[]): string[] {
  return [name, String(values.length), ms(percentile(values, 50)), ms(percentile(values, 95)), ms(Math.min(...values)), ms(Math.max(...values))];
}

/** The machine's load: these machines are shared, so every report says how busy it was. */
export function loadLine(): string {
  const [one, five] = os.loadavg();
  return `load average ${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min) on ${os.cpus().length} cores`;
}
