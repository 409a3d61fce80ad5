/** Languages Selaras works with. The source column is Indonesian by default; targets are fixed columns. */
export const SOURCE_LANG = "id";
export const TARGET_LANGS = ["vi", "en"] as const;
export const LANGS = ["id", "vi", "en"] as const;

export type Lang = (typeof LANGS)[number];
export type TargetLang = (typeof TARGET_LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

export function isTargetLang(value: string): value is TargetLang {
  return (TARGET_LANGS as readonly string[]).includes(value);
}
