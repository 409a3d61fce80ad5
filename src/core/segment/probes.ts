import type { SegmentationRule, SegmentationRules } from "./rules.ts";

/**
 * Texts on which a rule that backtracks catastrophically runs for ages while sane rules take
 * microseconds: runs of one character (at both ends a character that makes the run fail, since
 * break rules are lookbehinds, matched backwards, and lookaheads), words with single spaces,
 * one letter scattered among others. Checking user rules on them refuses the usual offenders
 * (`(\w+\s?)+$`, `(a+)+b`, `(.*a){20}` in either side of a rule) before they are kept. Not a
 * proof: wherever user rules run, a time limit stops them (segment worker, CLI).
 */
export function probeTexts(): string[] {
  const probes: string[] = [];
  for (const c of ["a", "A", "1", " ", ".", "é", "_", "-", ",", "!", "'", "\t", "x."]) {
    const run = c.repeat(Math.ceil(48 / c.length));
    // After and before a sentence stop too: most rules look for one first.
    probes.push(
      run,
      `${run}!`,
      `!${run}`,
      `${run}\u0000`,
      `\u0000${run}`,
      `x. ${run}!`,
      `!${run} .`,
    );
  }
  probes.push(
    `${"abc ".repeat(16)}!`,
    `!${"abc ".repeat(16)}`,
    `Abc. ${"abc ".repeat(16)}!`,
    `! ${"abc ".repeat(16)}. Abc`,
    `${"Abc. ".repeat(16)}`,
    `${"a a ".repeat(16)}!`,
    // Fewer a's than a counted group needs, after a long run: `(.*a){20}` as a lookbehind.
    `${"b ".repeat(150)}${"a ".repeat(19)}`,
    `${"ab".repeat(19)}${"b".repeat(80)}`,
    `${"b".repeat(80)}${"ba".repeat(19)}`,
    `${"a.".repeat(24)}`,
    `${"1.".repeat(24)}x`,
  );
  return probes;
}

/** Every rule of a rule set, in order (each to be checked alone to find a slow one). */
export function allRules(rules: SegmentationRules): SegmentationRule[] {
  return rules.languageRules.flatMap((set) => set.rules);
}

/**
 * A rule set with only `rule`, for every language, to time that rule alone. A no-break rule is
 * checked as a break rule: the segmenter tries no-break rules only where a break rule matches, so
 * alone it would never run (and a slow one would never be named); as a break rule its test runs at
 * every position of the text, each place where, among other rules, it may be tried.
 */
export function singleRuleSet(rule: SegmentationRule): SegmentationRules {
  return {
    cascade: false,
    languageRules: [{ name: "check", rules: [rule.break ? rule : { ...rule, break: true }] }],
    maps: [{ languagePattern: ".*", ruleName: "check" }],
  };
}

/** How a rule is named in messages: its two sides. */
export function describeRule(rule: SegmentationRule): string {
  return `${rule.beforeBreak} | ${rule.afterBreak}`;
}
