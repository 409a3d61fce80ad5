/** Regular-expression building blocks shared by the built-in rule sets (JavaScript, `u` flag). */

/** Escapes text for use as a literal inside a pattern. */
export function literal(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/** A non-capturing alternation of literals, longest first. */
export function alternation(words: readonly string[]): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return `(?:${unique.map(literal).join("|")})`;
}

/** Not preceded by a letter or digit: the start of a token. */
export const TOKEN_START = "(?<![\\p{L}\\p{M}\\p{N}])";
/** Not followed by a letter or digit: the end of a word. */
export const WORD_END = "(?![\\p{L}\\p{M}\\p{N}])";
/** Sentence-final punctuation. */
export const TERMINAL = "[.!?…‼⁇⁈⁉。！？]";
/**
 * Closing quotes and brackets that stay with the sentence before a break. Bounded, so that a
 * lookbehind never rescans a long run of them (and so that Java tools accept the lookbehind).
 */
export const CLOSERS = "[\"'”’»)\\]]{0,3}";
/** Opening quotes and brackets a sentence may start with (bounded, as CLOSERS). */
export const OPENERS = "[\"'“‘«(\\[]{0,3}";
/** A character that may start a sentence: capital, title-case or caseless letter, or digit. */
export const STARTER = "[\\p{Lu}\\p{Lt}\\p{Lo}\\p{N}]";
/** Line terminators. */
export const LINE_BREAK = "[\\n\\r\\u0085\\u2028\\u2029]";
/**
 * Where a sentence begins: paragraph start, after a sentence stop and whitespace, or at the start
 * of a line (after a heading without a stop: "Bab II. Tinjauan Pustaka\n2.1. Konsep Dasar").
 */
export const SENTENCE_START = `(?:^|${TERMINAL}${CLOSERS}\\s+|${LINE_BREAK}\\s*)`;
/** Every built-in break rule matches right after one of these characters (see `withTrigger`). */
export const BREAK_TRIGGERS = ".!?…‼⁇⁈⁉。！？\"'”’»)]\n\r\u0085\u2028\u2029";
