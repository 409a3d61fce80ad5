/** Languages Selaras works with. The source column is Indonesian by default; targets are fixed columns. */
export const SOURCE_LANG = "id";
export const TARGET_LANGS = ["vi", "en"] as const;
export const LANGS = ["id", "vi", "en"] as const;

export type Lang = (typeof LANGS)[number];
export type TargetLang = (typeof TARGET_LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The target columns of a document: every target language except its source language. */
export function targetLangsFor(sourceLang: Lang): TargetLang[] {
  return TARGET_LANGS.filter((l) => l !== sourceLang);
}

export function isTargetLang(value: string): value is TargetLang {
  return (TARGET_LANGS as readonly string[]).includes(value);
}
