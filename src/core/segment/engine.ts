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
  /**
   * When every break rule declared its trigger characters (see `withTrigger`): the characters one
   * of which must precede any break. Only those positions are then tested (with sticky scanners).
   */
  triggers: ReadonlySet<number> | null;
  stickyScanners: readonly RegExp[];
  /**
   * Global scanners for the break rules declared with `withFollower` (a break after any word, where
   * what follows is rare: " Foto:"): each match's index is a candidate too.
   */
  followers: readonly { scanner: RegExp; needs: string }[];
}

const TRIGGERS = new WeakMap<SegmentationRule, string>();

/**
 * Declares that `rule` can only match right after one of `chars` (its beforeBreak always ends with
 * one of them). A rule list whose break rules all carry such a declaration is scanned by a
 * character loop instead of a regex over every position. Used by the built-in rules; rules read
 * from SRX carry none and are scanned by regex.
 */
export function withTrigger<T extends SegmentationRule>(rule: T, chars: string): T {
  TRIGGERS.set(rule, chars);
  return rule;
}

const FOLLOWERS = new WeakMap<SegmentationRule, { follower: string; needs: string }>();

/**
 * Declares that `rule` can only match where `follower` (a regex source, usually the rule's own
 * afterBreak) matches right after the break: for a break after any character, which no trigger
 * character can announce ("… Jakarta Timur | Foto: ANTARA"). The follower's matches are found by
 * one scan of the text and tested like the triggered positions. `needs`: a string every match
 * contains (":" for "Foto:"), so that texts without it are not scanned at all.
 */
export function withFollower<T extends SegmentationRule>(
  rule: T,
  follower: string,
  needs: string,
): T {
  FOLLOWERS.set(rule, { follower, needs });
  return rule;
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
 * most positions fail on one character. When the afterBreak starts with white space, a one-character
 * guard, then the lookbehind, then the full lookahead (running `\s+...` first at every position of
 * a long run of spaces would be quadratic); otherwise the lookahead (it usually tests one specific
 * character, the lookbehind a whole token).
 */
function assertion(rule: SegmentationRule): string {
  const after = rule.afterBreak === "" ? "" : `(?=${rule.afterBreak})`;
  const before = rule.beforeBreak === "" ? "" : `(?<=${rule.beforeBreak})`;
  if (rule.afterBreak === "") return before;
  // A one-character guard first: most positions are not followed by white space.
  if (startsWithRequiredSpace(rule.afterBreak)) return `(?=\\s)${before}${after}`;
  return after + before;
}

/** Whether every match of `pattern` starts with a white-space character (`\s`, `\s+`, `\s{1,}`). */
function startsWithRequiredSpace(pattern: string): boolean {
  if (!/^\\s(?![*?]|\{0)/.test(pattern)) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return false;
  }
  return true;
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
  const breakRules = list.filter((rule) => rule.break);
  const declared = breakRules.every((rule) => TRIGGERS.has(rule) || FOLLOWERS.has(rule));
  const followers = declared
    ? breakRules.flatMap((rule) => {
        const declaredFollower = FOLLOWERS.get(rule);
        if (declaredFollower === undefined) return [];
        const { follower, needs } = declaredFollower;
        return [{ scanner: compile(follower, "gu", "follower"), needs }];
      })
    : [];
  const triggers = declared
    ? new Set(
        breakRules.flatMap((rule) => [...(TRIGGERS.get(rule) ?? "")].map((c) => c.charCodeAt(0))),
      )
    : null;
  const stickyScanners = scanners.map(
    (scanner) => new RegExp(scanner.source, scanner.flags.replace("g", "y")),
  );
  return { rules, scanners, triggers, stickyScanners, followers };
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

function triggeredPositions(text: string, compiled: CompiledRules, into: number[]): void {
  const triggers = compiled.triggers!;
  for (let i = 1; i < text.length; i++) {
    if (!triggers.has(text.charCodeAt(i - 1))) continue;
    for (const scanner of compiled.stickyScanners) {
      scanner.lastIndex = i;
      if (scanner.test(text)) {
        into.push(i);
        break;
      }
    }
  }
}

/** Break offsets (strictly inside `text`, ascending) under first-matching-rule semantics. */
export function findBreaks(text: string, compiled: CompiledRules): number[] {
  const candidates: number[] = [];
  if (compiled.triggers) {
    triggeredPositions(text, compiled, candidates);
    const followed: number[] = [];
    for (const { scanner, needs } of compiled.followers)
      if (text.includes(needs)) candidatePositions(text, scanner, followed);
    if (followed.length > 0) {
      candidates.push(...followed);
      candidates.sort((a, b) => a - b);
    }
  } else {
    for (const scanner of compiled.scanners) candidatePositions(text, scanner, candidates);
    if (compiled.scanners.length > 1) candidates.sort((a, b) => a - b);
  }
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
