/**
 * Segmentation rules with SRX 2.0 semantics. At each position of a paragraph the rules of the
 * language are tried in order; the first rule whose `beforeBreak` matches text ending at the
 * position and whose `afterBreak` matches text starting there decides whether the position is a
 * sentence break. Positions that no break rule matches are never breaks.
 *
 * Patterns are JavaScript regular expression sources, compiled with the `u` flag (plus `i` when
 * `caseInsensitive`). `parseSrx` translates ICU/Java syntax from SRX files into this dialect.
 */
export interface SegmentationRule {
  break: boolean;
  beforeBreak: string;
  afterBreak: string;
  caseInsensitive?: boolean;
}

/** A named, ordered list of rules (`<languagerule>` in SRX). */
export interface LanguageRuleSet {
  name: string;
  rules: readonly SegmentationRule[];
}

/** Maps language codes matching `languagePattern` (full match, case-insensitive) to a rule set. */
export interface LanguageMap {
  languagePattern: string;
  ruleName: string;
}

export interface SegmentationRules {
  /** SRX `cascade`: when true every matching map contributes its rules in map order; else the first. */
  cascade: boolean;
  languageRules: readonly LanguageRuleSet[];
  maps: readonly LanguageMap[];
}
