/** Folding used to compare words across languages: no case, no diacritics, a few letters spelled out. */
const SPECIAL: Record<string, string> = {
  đ: "d",
  ð: "d",
  ß: "ss",
  æ: "ae",
  ø: "o",
  œ: "oe",
  þ: "th",
  ł: "l",
  ı: "i",
};

export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[đðßæøœþłı]/g, (ch) => SPECIAL[ch] ?? ch);
}

/** Words of a text (letters only; digits and punctuation are anchors of their own). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{M}]+/gu) ?? [];
}

export function isCapitalized(word: string): boolean {
  const first = word[0] ?? "";
  return first !== first.toLowerCase() && first === first.toUpperCase();
}
