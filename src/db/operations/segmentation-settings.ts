import type { SelarasDb } from "../database.ts";
import {
  NO_CUSTOM_SEGMENTATION,
  normalizeAbbreviations,
  type CustomSegmentation,
} from "../../core/segment/custom-rules.ts";
import { LANGS } from "../../core/model/languages.ts";
import { compileRuleList } from "../../core/segment/engine.ts";

const KEY = "segmentation";

/** The project's segmentation settings (custom abbreviations, rules, imported SRX base). */
export async function getCustomSegmentation(db: SelarasDb): Promise<CustomSegmentation> {
  const value = (await db.meta.get(KEY))?.value as CustomSegmentation | undefined;
  return value ?? NO_CUSTOM_SEGMENTATION;
}

/** Stores the settings after checking that every custom rule compiles (AppError otherwise). */
export async function saveCustomSegmentation(
  db: SelarasDb,
  settings: CustomSegmentation,
): Promise<void> {
  const clean: CustomSegmentation = {
    abbreviations: Object.fromEntries(
      LANGS.map((l) => [l, normalizeAbbreviations(settings.abbreviations[l] ?? [])]),
    ),
    rules: settings.rules,
    base: settings.base,
  };
  for (const lang of LANGS) compileRuleList(clean.rules[lang] ?? []);
  await db.meta.put({ key: KEY, value: clean });
}
