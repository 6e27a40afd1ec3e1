"use client";

import { useEffect, useState } from "react";
import { screeningOverviewAction } from "@/components/screening/actions";
import { LooksFineButton } from "@/components/screening/looks-fine-button";
import { ScreeningScores } from "@/components/screening/scores";
import { FormError } from "@/components/ui/form-error";
import type { ScreeningOverview } from "@/lib/screening/review";

const REFRESH_MS = 3_000;

type Flag = ScreeningOverview["flags"][number];

function FlagCard({ flag }: { flag: Flag }) {
  return (
    <article data-testid="screening-flag" data-status={flag.status} className="space-y-2 rounded border border-zinc-700 p-2">
      {flag.frameUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- a private, per-operator image: no optimizer, no cache
        <img src={flag.frameUrl} alt="Captured frame" data-testid="screening-flag-frame" className="w-full rounded" />
      ) : null}
      <p className="text-sm">
        <span className="font-semibold">{flag.action.toLowerCase()}</span> · {flag.reason} · {flag.hits} hit{flag.hits === 1 ? "" : "s"}
      </p>
      <ScreeningScores scores={flag.scores} />
      {flag.appeal ? <p className="text-sm text-amber-200">Host’s note: {flag.appeal}</p> : null}
      {flag.status === "CLEARED" ? <p className="text-xs text-zinc-400">Looks fine — {flag.reviewedBy ?? "an operator"}</p> : null}
    </article>
  );
}

/** Operators watching a show see what screening found and decide ("Looks fine"). */
export function OperatorScreeningPanel({ roomNumber }: { roomNumber: number }) {
  const [overview, setOverview] = useState<ScreeningOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Bumped to ask for a fresh overview at once (after "Looks fine").
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let current = true;
    const load = () =>
      screeningOverviewAction({ roomNumber }).then((result) => {
        if (!current) return;
        if (result.ok) setOverview(result.data);
        else setError(result.error.message);
      });
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [roomNumber, tick]);

  const open = overview?.flags.filter((f) => f.status === "OPEN") ?? [];
  const latest = overview?.samples[0];
  return (
    <section data-testid="screening-panel" className="space-y-3 rounded-lg border border-zinc-800 bg-zinc-900 p-4">
      <header className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">Screening</h2>
        <span data-testid="screening-health" data-state={overview?.health?.state ?? "none"} className="text-xs text-zinc-400">
          {overview?.health?.state === "degraded" ? `degraded: ${overview.health.reason}` : (overview?.health?.state ?? "…")}
        </span>
      </header>
      <FormError message={error} />
      {overview?.blurred ? <p className="text-sm text-amber-300" data-testid="screening-panel-blurred">Blurred for viewers</p> : null}
      {open.map((flag) => (
        <FlagCard key={flag.id} flag={flag} />
      ))}
      {open.length > 0 || overview?.blurred ? (
        <LooksFineButton roomNumber={roomNumber} onDone={() => setTick((t) => t + 1)} />
      ) : null}
      {latest ? (
        <div className="space-y-1">
          <p className="text-xs text-zinc-400">
            Latest sample ({overview.samples.length} recent) · {latest.topClass}
          </p>
          <ScreeningScores scores={latest.scores} />
        </div>
      ) : (
        <p className="text-xs text-zinc-500">No sample yet.</p>
      )}
    </section>
  );
}
