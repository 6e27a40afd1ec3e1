import { describe, expect, it } from "vitest";
import { type ClassScores, DEFAULT_SCREENING_RULES, describeMatch, evaluateRules, readScores, screeningRulesSchema, topClass } from "./rules";

const scores = (s: Partial<ClassScores>): ClassScores => ({ Drawing: 0, Hentai: 0, Neutral: 0, Porn: 0, Sexy: 0, ...s });

function firstError(input: unknown): string | undefined {
  const result = screeningRulesSchema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe("screeningRulesSchema", () => {
  it("takes valid rules and the defaults", () => {
    expect(screeningRulesSchema.parse([{ class: "Porn", threshold: 0.9, action: "end" }])).toHaveLength(1);
    expect(screeningRulesSchema.parse(DEFAULT_SCREENING_RULES)).toEqual(DEFAULT_SCREENING_RULES);
    expect(screeningRulesSchema.parse([{ class: "Drawing", threshold: 0, action: "flag" }, { class: "Drawing", threshold: 1, action: "blur" }])).toHaveLength(2);
  });

  it("refuses thresholds outside 0–1 with a message", () => {
    expect(firstError([{ class: "Porn", threshold: 1.5, action: "flag" }])).toBe("The threshold must be between 0 and 1.");
    expect(firstError([{ class: "Porn", threshold: -0.1, action: "flag" }])).toBe("The threshold must be between 0 and 1.");
    expect(firstError([{ class: "Porn", threshold: "0.5", action: "flag" }])).toBe("The threshold must be a number between 0 and 1.");
  });

  it("refuses unknown classes and actions, naming the known ones", () => {
    expect(firstError([{ class: "Violence", threshold: 0.5, action: "flag" }])).toBe(
      'Unknown class "Violence": use one of Drawing, Hentai, Neutral, Porn, Sexy.',
    );
    expect(firstError([{ class: "Porn", threshold: 0.5, action: "ban" }])).toBe('Unknown action "ban": use one of flag, blur, end.');
  });

  it("refuses two rules with the same class and action", () => {
    expect(firstError([{ class: "Sexy", threshold: 0.5, action: "flag" }, { class: "Sexy", threshold: 0.7, action: "flag" }])).toBe(
      'Two rules "flag" for Sexy: keep one.',
    );
  });
});

describe("evaluateRules", () => {
  const rules = [
    { class: "Porn", threshold: 0.6, action: "flag" },
    { class: "Porn", threshold: 0.8, action: "blur" },
    { class: "Porn", threshold: 0.97, action: "end" },
    { class: "Sexy", threshold: 0.9, action: "flag" },
  ] as const;

  it("matches nothing below every threshold", () => {
    expect(evaluateRules(rules, scores({ Neutral: 0.9, Porn: 0.1 }))).toEqual({ action: null, decisive: null, matches: [] });
  });

  it("takes the strongest action among the matching rules", () => {
    expect(evaluateRules(rules, scores({ Porn: 0.65 })).action).toBe("flag");
    expect(evaluateRules(rules, scores({ Porn: 0.85 })).action).toBe("blur");
    const verdict = evaluateRules(rules, scores({ Porn: 0.98 }));
    expect(verdict.action).toBe("end");
    expect(verdict.matches).toHaveLength(3);
    expect(verdict.decisive?.rule.threshold).toBe(0.97);
  });

  it("a threshold is inclusive", () => {
    expect(evaluateRules(rules, scores({ Sexy: 0.9 })).action).toBe("flag");
  });

  it("between rules of the same action, the one furthest over its threshold decides", () => {
    const verdict = evaluateRules(rules, scores({ Porn: 0.62, Sexy: 0.99 }));
    expect(verdict.decisive?.rule.class).toBe("Sexy");
    expect(describeMatch(verdict.decisive!)).toBe("Sexy 0.99 (rule: ≥ 0.90, flag)");
  });

  it("no rules, no action", () => {
    expect(evaluateRules([], scores({ Porn: 1 })).action).toBeNull();
  });
});

describe("topClass", () => {
  it("is the class with the highest score", () => {
    expect(topClass(scores({ Drawing: 0.2, Neutral: 0.7, Sexy: 0.1 }))).toBe("Neutral");
  });
});

describe("readScores", () => {
  it("reads every class from stored JSON, 0 where one is missing or not a number", () => {
    expect(readScores({ Drawing: 0.9, Neutral: "0.1", Extra: 1 })).toEqual(scores({ Drawing: 0.9 }));
    expect(readScores(null)).toEqual(scores({}));
    expect(readScores([0.5])).toEqual(scores({}));
  });
});
