import { SCREENING_CLASSES } from "@/lib/screening/rules";

/** A sample's score per class (0–1), in the classifier's class order. */
export function ScreeningScores({ scores }: { scores: unknown }) {
  const values = typeof scores === "object" && scores !== null ? Object.entries(scores) : [];
  const byClass = new Map(values.filter((e): e is [string, number] => typeof e[1] === "number"));
  return (
    <ul className="grid grid-cols-5 gap-1 text-center text-xs" data-testid="screening-scores">
      {SCREENING_CLASSES.map((c) => (
        <li key={c} data-class={c} data-score={byClass.get(c) ?? 0}>
          <span className="block text-zinc-400">{c}</span>
          {(byClass.get(c) ?? 0).toFixed(2)}
        </li>
      ))}
    </ul>
  );
}
