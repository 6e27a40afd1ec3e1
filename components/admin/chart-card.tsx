/** A chart with its title and a one-line summary in words (what the chart shows, for everyone). */
export function ChartCard({ title, summary, testId, children }: { title: string; summary: string; testId: string; children: React.ReactNode }) {
  return (
    <section data-testid={testId} className="min-w-0 space-y-2 rounded-lg border border-zinc-800 bg-zinc-900 p-4">
      <header>
        <h2 className="font-medium">{title}</h2>
        <p data-testid="chart-summary" className="text-sm text-zinc-400">
          {summary}
        </p>
      </header>
      {children}
    </section>
  );
}
