import { CODE_END, CODE_START } from "./inline-marks.ts";

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const JOINERS = new Set(["'", "’", "-", ".", ","]);

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(ch);
}

/**
 * Words as translators count them: runs of letters, marks and numbers; ' ’ - . , between two word
 * characters join ("2.500", "negara-negara", "don't" are one word each). One pass, no allocation per
 * word (it runs over every segment of 10,000-row documents). Inline-code placeholders count as
 * nothing.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === CODE_START) {
      // An inline-code placeholder is markup, not words.
      const end = text.indexOf(CODE_END, i + 1);
      if (end > 0) {
        i = end;
        inWord = false;
        continue;
      }
    }
    let ch = text[i]!;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) ch = text.slice(i, i + 2);
    if (isWordChar(ch)) {
      if (!inWord) count++;
      inWord = true;
    } else if (inWord && JOINERS.has(ch) && i + 1 < text.length && isWordChar(text[i + 1]!)) {
      // stays in the word
    } else {
      inWord = false;
    }
    if (ch.length === 2) i++;
  }
  return count;
}
