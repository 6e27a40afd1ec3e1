import { z } from "zod";

// Screening rules: what the classifier's scores mean for a show. Pure (no server code), so the
// settings schema, the dashboard's form and the sampler share one definition.

/** The classes of the nsfwjs models (any classifier behind lib/screening/classifier must score these). */
export const SCREENING_CLASSES = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"] as const;
export type ScreeningClass = (typeof SCREENING_CLASSES)[number];
export type ClassScores = Record<ScreeningClass, number>;

/** Scores as stored (a JSON column): every class, 0 where one is missing or not a number. */
export function readScores(stored: unknown): ClassScores {
  const raw = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const scores = { Drawing: 0, Hentai: 0, Neutral: 0, Porn: 0, Sexy: 0 } satisfies ClassScores;
  for (const c of SCREENING_CLASSES) if (typeof raw[c] === "number") scores[c] = raw[c];
  return scores;
}

/** What a matching rule does, weakest first: each action also does the weaker ones (a blur is also flagged). */
export const SCREENING_ACTIONS = ["flag", "blur", "end"] as const;
export type ScreeningActionName = (typeof SCREENING_ACTIONS)[number];

const ACTION_RANK: Record<ScreeningActionName, number> = { flag: 0, blur: 1, end: 2 };

export const screeningRuleSchema = z.object({
  class: z.enum(SCREENING_CLASSES, {
    error: (issue) => `Unknown class ${JSON.stringify(issue.input)}: use one of ${SCREENING_CLASSES.join(", ")}.`,
  }),
  threshold: z
    .number({ error: "The threshold must be a number between 0 and 1." })
    .min(0, "The threshold must be between 0 and 1.")
    .max(1, "The threshold must be between 0 and 1."),
  action: z.enum(SCREENING_ACTIONS, {
    error: (issue) => `Unknown action ${JSON.stringify(issue.input)}: use one of ${SCREENING_ACTIONS.join(", ")}.`,
  }),
});

export type ScreeningRule = z.infer<typeof screeningRuleSchema>;

export const screeningRulesSchema = z
  .array(screeningRuleSchema)
  .max(20, "At most 20 screening rules.")
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      const key = `${rule.class}:${rule.action}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index], message: `Two rules "${rule.action}" for ${rule.class}: keep one.` });
      seen.add(key);
    });
  });

/** Conservative: nothing is blurred or ended automatically until an operator says so. */
export const DEFAULT_SCREENING_RULES: ScreeningRule[] = [
  { class: "Porn", threshold: 0.85, action: "flag" },
  { class: "Hentai", threshold: 0.85, action: "flag" },
  { class: "Sexy", threshold: 0.95, action: "flag" },
];

export type RuleMatch = { rule: ScreeningRule; score: number };

export type Verdict = {
  /** the strongest action of the matching rules; null when none matched */
  action: ScreeningActionName | null;
  /** the rule that decided it (highest action, then highest score over its threshold) */
  decisive: RuleMatch | null;
  matches: RuleMatch[];
};

/** Every rule whose class scored at or above its threshold, and the strongest action among them. */
export function evaluateRules(rules: readonly ScreeningRule[], scores: ClassScores): Verdict {
  const matches = rules.filter((rule) => scores[rule.class] >= rule.threshold).map((rule) => ({ rule, score: scores[rule.class] }));
  let decisive: RuleMatch | null = null;
  for (const match of matches) {
    if (
      !decisive ||
      ACTION_RANK[match.rule.action] > ACTION_RANK[decisive.rule.action] ||
      (match.rule.action === decisive.rule.action && match.score - match.rule.threshold > decisive.score - decisive.rule.threshold)
    ) {
      decisive = match;
    }
  }
  return { action: decisive?.rule.action ?? null, decisive, matches };
}

/** The reason shown to operators and the host, e.g. "Drawing 0.93 (rule: ≥ 0.50, blur)". */
export function describeMatch({ rule, score }: RuleMatch): string {
  return `${rule.class} ${score.toFixed(2)} (rule: ≥ ${rule.threshold.toFixed(2)}, ${rule.action})`;
}

export function topClass(scores: ClassScores): ScreeningClass {
  return SCREENING_CLASSES.reduce((best, c) => (scores[c] > scores[best] ? c : best), SCREENING_CLASSES[0]);
}
