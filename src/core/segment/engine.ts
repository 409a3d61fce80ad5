import { AppError } from "../model/app-error.ts";
import type { SegmentationRule, SegmentationRules } from "./rules.ts";

interface CompiledRule {
  isBreak: boolean;
  /** Sticky, zero-width: matches at lastIndex iff both sides of the rule match there. */
  at: RegExp;
}

/** Rules of one language, ready to run. */
export interface CompiledRules {
  rules: readonly CompiledRule[];
  /** Global, zero-width scanners that find every position where some break rule matches. */
  scanners: readonly RegExp[];
}

const cache = new WeakMap<SegmentationRules, Map<string, CompiledRules>>();

/** Rules that apply to `lang` under the map semantics of SRX (cascade or first match). */
export function rulesForLanguage(rules: SegmentationRules, lang: string): SegmentationRule[] {
  const picked: SegmentationRule[] = [];
  for (const map of rules.maps) {
    if (!languageMatches(map.languagePattern, lang)) continue;
    const set = rules.languageRules.find((r) => r.name === map.ruleName);
    if (set) picked.push(...set.rules);
    if (!rules.cascade) break;
  }
  return picked;
}

function languageMatches(pattern: string, lang: string): boolean {
  return compile(`^(?:${pattern})$`, "iu", pattern).test(lang);
}

/** Compiles (and caches per rule-set object) the rules that apply to `lang`. */
export function compileRules(rules: SegmentationRules, lang: string): CompiledRules {
  let perLang = cache.get(rules);
  if (!perLang) {
    perLang = new Map();
    cache.set(rules, perLang);
  }
  let compiled = perLang.get(lang);
  if (!compiled) {
    compiled = compileRuleList(rulesForLanguage(rules, lang));
    perLang.set(lang, compiled);
  }
  return compiled;
}

/**
 * The zero-width test of one rule. Both orders mean the same; the cheaper one goes first so that
 * most positions fail on one character: the lookbehind when the afterBreak starts with whitespace
 * (scanning ahead through a run of spaces at every position of the run would be quadratic), the
 * lookahead otherwise (it usually tests one specific character, the lookbehind a whole token).
 */
function assertion(rule: SegmentationRule): string {
  const after = rule.afterBreak === "" ? "" : `(?=${rule.afterBreak})`;
  const before = rule.beforeBreak === "" ? "" : `(?<=${rule.beforeBreak})`;
  return rule.afterBreak === "" || /^(?:\\s|\\n|\\r|\[\\s)/.test(rule.afterBreak)
    ? before + after
    : after + before;
}

const HAS_GROUP_REFERENCE = /\\[1-9]|\\k<|\(\?<[A-Za-z_$]/;

export function compileRuleList(list: readonly SegmentationRule[]): CompiledRules {
  const rules: CompiledRule[] = list.map((rule, index) => ({
    isBreak: rule.break,
    at: compile(assertion(rule), rule.caseInsensitive ? "iuy" : "uy", String(index)),
  }));
  // Break rules without group references are merged into one scanner per flag set; the others
  // (whose numbering would shift inside an alternation) get a scanner each.
  const merged = new Map<string, string[]>();
  const scanners: RegExp[] = [];
  list.forEach((rule, index) => {
    if (!rule.break) return;
    const flags = rule.caseInsensitive ? "giu" : "gu";
    const source = assertion(rule) || "(?:)";
    if (HAS_GROUP_REFERENCE.test(source)) {
      scanners.push(compile(source, flags, String(index)));
    } else {
      const group = merged.get(flags) ?? [];
      group.push(source);
      merged.set(flags, group);
    }
  });
  for (const [flags, sources] of merged) {
    scanners.push(compile(sources.join("|"), flags, "scanner"));
  }
  return { rules, scanners };
}

function compile(source: string, flags: string, rule: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch {
    throw new AppError("segment.invalid-pattern", { rule, pattern: source });
  }
}

function candidatePositions(text: string, scanner: RegExp, into: number[]): void {
  scanner.lastIndex = 0;
  const end = text.length;
  while (scanner.lastIndex <= end) {
    const match = scanner.exec(text);
    if (match === null) return;
    const index = match.index;
    if (index > 0 && index < end) into.push(index);
    // Zero-width match: step one code point forward by hand.
    const code = text.charCodeAt(index);
    scanner.lastIndex = index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
  }
}

/** Break offsets (strictly inside `text`, ascending) under first-matching-rule semantics. */
export function findBreaks(text: string, compiled: CompiledRules): number[] {
  const candidates: number[] = [];
  for (const scanner of compiled.scanners) candidatePositions(text, scanner, candidates);
  if (compiled.scanners.length > 1) candidates.sort((a, b) => a - b);
  const breaks: number[] = [];
  let last = -1;
  for (const position of candidates) {
    if (position === last) continue;
    last = position;
    for (const rule of compiled.rules) {
      rule.at.lastIndex = position;
      if (rule.at.test(text)) {
        if (rule.isBreak) breaks.push(position);
        break;
      }
    }
  }
  return breaks;
}
