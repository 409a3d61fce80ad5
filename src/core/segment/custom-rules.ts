import type { Lang } from "../model/languages.ts";
import { LANGS } from "../model/languages.ts";
import type { SegmentationRule, SegmentationRules } from "./rules.ts";
import { BUILTIN_RULES } from "./builtin/builtin-rules.ts";

/**
 * A project's own segmentation settings, stored with the project and applied on re-segmentation:
 * extra abbreviations and rules per language, tried before the base rules; the base is the built-in
 * rule set, or an imported SRX file that replaces it.
 */
export interface CustomSegmentation {
  abbreviations: Partial<Record<Lang, readonly string[]>>;
  rules: Partial<Record<Lang, readonly SegmentationRule[]>>;
  /** An imported SRX rule set used instead of the built-in rules; null for the built-in ones. */
  base: SegmentationRules | null;
}

export const NO_CUSTOM_SEGMENTATION: CustomSegmentation = {
  abbreviations: {},
  rules: {},
  base: null,
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A no-break rule for an abbreviation ("Kab." → no break after it before white space). */
export function abbreviationRule(abbreviation: string): SegmentationRule {
  const abbr = abbreviation.trim();
  const withDot = abbr.endsWith(".") ? abbr : `${abbr}.`;
  return {
    break: false,
    beforeBreak: `(?<![\\p{L}\\p{M}\\p{N}])${escapeRegExp(withDot)}`,
    afterBreak: "\\s",
  };
}

/** Cleans a user's abbreviation list: trimmed, non-empty, without duplicates, in the given order. */
export function normalizeAbbreviations(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const a = line.trim();
    if (a === "" || /\s/.test(a) || seen.has(a)) continue;
    seen.add(a);
    out.push(a);
  }
  return out;
}

/** The rules the segmenter uses: custom rules and abbreviations first, then the base rule set. */
export function effectiveRules(custom: CustomSegmentation): SegmentationRules {
  const base = custom.base ?? BUILTIN_RULES;
  const extra = LANGS.map((lang) => ({
    lang,
    rules: [
      ...(custom.rules[lang] ?? []),
      ...normalizeAbbreviations(custom.abbreviations[lang] ?? []).map(abbreviationRule),
    ],
  })).filter((e) => e.rules.length > 0);
  if (extra.length === 0) return base;
  return {
    cascade: true,
    languageRules: [
      ...extra.map((e) => ({ name: `selaras-custom-${e.lang}`, rules: e.rules })),
      ...base.languageRules,
    ],
    maps: [
      ...extra.map((e) => ({
        languagePattern: `${e.lang}(-.*)?`,
        ruleName: `selaras-custom-${e.lang}`,
      })),
      ...(base.cascade
        ? base.maps
        : // A non-cascading base uses only its first matching map: keep that behaviour per language.
          LANGS.flatMap((lang) => {
            const first = base.maps.find((m) =>
              new RegExp(`^(?:${m.languagePattern})$`, "i").test(lang),
            );
            return first ? [{ languagePattern: `${lang}(-.*)?`, ruleName: first.ruleName }] : [];
          })),
    ],
  };
}
