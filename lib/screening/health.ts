/** Screening of one live show as the dashboard shows it. */
export type ScreeningHealth =
  | { state: "ok"; lastSampleAt: Date }
  | { state: "starting" }
  | { state: "degraded"; reason: string; lastSampleAt: Date | null };

export type ScreeningStateView = {
  lastSampleAt: Date | null;
  lastError: string | null;
  failures: number;
};

/** Samples may be this many intervals late before screening counts as degraded. */
const LATE_INTERVALS = 3;
/** A new show gets this long (besides the intervals) for the classifier to load. */
const START_GRACE_MS = 60_000;

/**
 * Whether screening keeps up with a live show: a good sample within the last few intervals and
 * no run of failures. Pure, so it can be shown anywhere and tested alone.
 */
export function screeningHealth(
  state: ScreeningStateView | null,
  show: { startedAt: Date },
  intervalSeconds: number,
  now: Date,
): ScreeningHealth {
  const lateMs = LATE_INTERVALS * intervalSeconds * 1000;
  const lastSampleAt = state?.lastSampleAt ?? null;
  if (state && state.failures >= LATE_INTERVALS) {
    return { state: "degraded", reason: `${state.failures} samples failed in a row: ${state.lastError ?? "unknown error"}`, lastSampleAt };
  }
  if (lastSampleAt && now.getTime() - lastSampleAt.getTime() <= lateMs) return { state: "ok", lastSampleAt };
  if (!lastSampleAt && now.getTime() - show.startedAt.getTime() <= lateMs + START_GRACE_MS) return { state: "starting" };
  const since = lastSampleAt ? `no sample since ${lastSampleAt.toISOString()}` : "no sample yet";
  return { state: "degraded", reason: state?.lastError ? `${since}: ${state.lastError}` : since, lastSampleAt };
}
