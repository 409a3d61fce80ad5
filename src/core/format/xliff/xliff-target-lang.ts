import type { Lang } from "../../model/languages.ts";
import { mapLangTag } from "../lang-tag.ts";
import { stripInlineCodes } from "../tmx/inline-codes.ts";

/**
 * The target language a file name names as its last part before the extension, as Angular
 * (`messages.vi.xlf`), Symfony (`messages+intl-icu.en_US.xlf`) and most tools name them:
 * `foo.vi.xlf`, `foo-vi.xlf`, `foo_en-US.xliff`, `id-vi.xlf` (the last tag). Null when none.
 */
export function targetLangFromFileName(fileName: string): Lang | null {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const m = /(?:^|[._-])([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}))?\.[a-z0-9]+$/i.exec(base);
  if (!m) return null;
  const tag = m[1]!.toLowerCase();
  // Only real codes for our languages (not the deprecated "in", which ends "sign-in.xlf").
  if (!["id", "vi", "en", "ind", "vie", "eng"].includes(tag)) return null;
  return mapLangTag(tag);
}

const VI_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const WORD = /\p{L}+/gu;
const EN_WORDS = new Set([
  "the",
  "and",
  "of",
  "to",
  "is",
  "are",
  "was",
  "with",
  "for",
  "this",
  "that",
  "you",
  "your",
  "be",
  "it",
  "on",
  "not",
  "have",
  "has",
  "from",
  "by",
  "will",
  "can",
  "an",
  "or",
  "in",
]);
const ID_WORDS = new Set([
  "yang",
  "dan",
  "di",
  "ini",
  "itu",
  "dengan",
  "untuk",
  "tidak",
  "dari",
  "ke",
  "akan",
  "pada",
  "adalah",
  "anda",
  "kami",
  "dalam",
  "juga",
  "atau",
  "sudah",
  "bisa",
  "harus",
  "oleh",
  "para",
]);

/**
 * The language of target texts when their words leave no doubt: Vietnamese by its letters
 * (ă, ơ, ư, đ, tone marks), English and Indonesian by their commonest words. Needs at least 20
 * words and a clear majority; null otherwise (then the user is asked).
 */
export function guessTargetLang(texts: readonly string[]): Lang | null {
  let words = 0;
  let viWords = 0;
  let en = 0;
  let id = 0;
  for (const text of texts.slice(0, 2000)) {
    for (const w of stripInlineCodes(text).toLowerCase().match(WORD) ?? []) {
      words++;
      if (w.normalize("NFC").match(VI_LETTERS)) viWords++;
      if (EN_WORDS.has(w)) en++;
      if (ID_WORDS.has(w)) id++;
    }
  }
  if (words < 20) return null;
  if (viWords / words > 0.2) return "vi";
  if (viWords / words > 0.02) return null;
  if (en >= 5 && en > 3 * id) return "en";
  if (id >= 5 && id > 3 * en) return "id";
  return null;
}
