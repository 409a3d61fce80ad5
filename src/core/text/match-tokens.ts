import { CODE_END, CODE_START } from "./inline-marks.ts";

/** Kinds of matching token: word, number, punctuation, inline-code placeholder. */
export type MatchTokenKind = "w" | "n" | "p" | "c";

export interface MatchToken {
  kind: MatchTokenKind;
  /** The token as written (NFC). */
  raw: string;
}

/**
 * Word and punctuation tokens for translation-memory matching, with the word rules of
 * `countWords` (letters, marks and digits; ' ’ - . , between two word characters join, so
 * "negara-negara" is one word), numbers as one token ("2.500", "10,5", "1 000"), each inline-code
 * placeholder as one token and every other non-space character as a punctuation token. Text is
 * NFC-normalized first.
 */
const TOKEN_RE = new RegExp(
  [
    `${CODE_START}[^${CODE_START}${CODE_END}]*${CODE_END}`,
    `\\d(?:[\\d\\u00A0\\u202F'’]|[.,](?=\\d))*(?![\\p{L}\\p{M}\\p{N}])`,
    `[\\p{L}\\p{M}\\p{N}]+(?:['’\\-.,][\\p{L}\\p{M}\\p{N}]+)*`,
    `[^\\s]`,
  ].join("|"),
  "gu",
);

function kindOf(raw: string): MatchTokenKind {
  const first = raw.charCodeAt(0);
  return raw[0] === CODE_START
    ? "c"
    : first >= 48 && first <= 57 && /^\d[\d\u00A0\u202F'’.,]*$/u.test(raw)
      ? "n"
      : /^[\p{L}\p{M}\p{N}]/u.test(raw)
        ? "w"
        : "p";
}

export function matchTokens(text: string): MatchToken[] {
  const out: MatchToken[] = [];
  for (const m of text.normalize("NFC").matchAll(TOKEN_RE))
    out.push({ kind: kindOf(m[0]), raw: m[0] });
  return out;
}

/** A token with where it stands in the text (UTF-16 offsets, end exclusive). */
export interface MatchTokenSpan extends MatchToken {
  start: number;
  end: number;
}

/**
 * The tokens of `matchTokens` with their offsets, for checks that highlight a part of the text
 * (core/qa). The text is taken as it is (callers pass NFC text, as the app stores it), so offsets
 * point into it.
 */
export function matchTokenSpans(text: string): MatchTokenSpan[] {
  const out: MatchTokenSpan[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    out.push({ kind: kindOf(m[0]), raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
