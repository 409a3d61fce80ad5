import type { SegmentationRules } from "../rules.ts";
import { buildLanguageRules } from "./build-rules.ts";
import { ENGLISH } from "./english.ts";
import { INDONESIAN } from "./indonesian.ts";
import { VIETNAMESE } from "./vietnamese.ts";

/**
 * The built-in rules: one complete rule set per language (no cascade), and a generic `Default`
 * set for any other language code.
 */
export const BUILTIN_RULES: SegmentationRules = {
  cascade: false,
  languageRules: [
    { name: "Indonesian", rules: buildLanguageRules(INDONESIAN) },
    { name: "Vietnamese", rules: buildLanguageRules(VIETNAMESE) },
    { name: "English", rules: buildLanguageRules(ENGLISH) },
    {
      name: "Default",
      rules: buildLanguageRules({
        prefixes: [],
        numeric: [],
        closing: [],
        closingContinuations: [],
        ambiguous: [],
        clauseStarters: [],
        clauseStarterPatterns: [],
        labels: [],
        speechVerbs: [],
        initialsIntroducers: [],
        creditLabels: [],
        letterDesignators: [],
        lowerCaseTitles: [],
      }),
    },
  ],
  maps: [
    { languagePattern: "id(?:[-_].*)?|in(?:[-_].*)?", ruleName: "Indonesian" },
    { languagePattern: "vi(?:[-_].*)?", ruleName: "Vietnamese" },
    { languagePattern: "en(?:[-_].*)?", ruleName: "English" },
    { languagePattern: ".*", ruleName: "Default" },
  ],
};
