import type { Lang } from "../model/languages.ts";
import { isLang } from "../model/languages.ts";

/** ISO 639-2/3 and deprecated codes that mean one of our languages. */
const ALIASES: Record<string, Lang> = { ind: "id", in: "id", vie: "vi", eng: "en" };

/**
 * Maps a language tag from a foreign file to one of our languages, case-insensitively and ignoring
 * region/script subtags: `vi-VN` → vi, `EN-us` → en, `id_ID` → id. Returns null for other languages.
 */
export function mapLangTag(tag: string): Lang | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (isLang(primary)) return primary;
  return ALIASES[primary] ?? null;
}
