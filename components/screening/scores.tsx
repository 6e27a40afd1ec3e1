import { type ClassScores, SCREENING_CLASSES } from "@/lib/screening/rules";

/** A sample's score per class (0–1), in the classifier's class order. */
export function ScreeningScores({ scores }: { scores: ClassScores }) {
  return (
    <ul className="grid grid-cols-5 gap-1 text-center text-xs" data-testid="screening-scores">
      {SCREENING_CLASSES.map((c) => (
        <li key={c} data-class={c} data-score={scores[c]}>
          <span className="block text-zinc-400">{c}</span>
          {scores[c].toFixed(2)}
        </li>
      ))}
    </ul>
  );
}
