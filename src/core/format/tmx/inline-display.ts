import { CODE_START, PLACEHOLDER } from "../../text/inline-marks.ts";

/**
 * Inline-code placeholders as short numbered tokens for editing in a plain text field: "⟦1⟧" is
 * the first code of the source, "⟦2⟧" the second, and so on (codes only the target has follow).
 * A translator sees and moves tokens; typing a token inserts that code. The stored text keeps the
 * placeholders (inline-codes.ts); these functions map between the two.
 */
export const TOKEN_OPEN = "⟦";
export const TOKEN_CLOSE = "⟧";

const TOKEN = new RegExp(`${TOKEN_OPEN}(\\d+)${TOKEN_CLOSE}`, "gu");

/** The codes to number: the source's distinct placeholders in order, then the target's others. */
export function codeTokens(source: string, target: string): string[] {
  const tokens: string[] = [];
  for (const text of [source, target]) {
    for (const p of text.match(PLACEHOLDER) ?? []) if (!tokens.includes(p)) tokens.push(p);
  }
  return tokens;
}

/** The text with each placeholder shown as its token. */
export function toDisplay(text: string, tokens: readonly string[]): string {
  if (tokens.length === 0 || !text.includes(CODE_START)) return text;
  return text.replace(PLACEHOLDER, (p) => {
    const k = tokens.indexOf(p);
    return k < 0 ? p : `${TOKEN_OPEN}${k + 1}${TOKEN_CLOSE}`;
  });
}

/**
 * The stored text for an edited display text, or null when the display has a broken or unknown
 * token (half a token deleted, a number no code has): the edit is then refused.
 */
export function fromDisplay(display: string, tokens: readonly string[]): string | null {
  if (tokens.length === 0) return display;
  let bad = false;
  const text = display.replace(TOKEN, (whole, n: string) => {
    const code = tokens[Number(n) - 1];
    if (code === undefined) bad = true;
    return code ?? whole;
  });
  if (bad || text.includes(TOKEN_OPEN) || text.includes(TOKEN_CLOSE)) return null;
  return text;
}

/** A caret offset in the display text as an offset in the stored text. */
export function storedOffset(display: string, offset: number, tokens: readonly string[]): number {
  const head = fromDisplay(display.slice(0, offset), tokens);
  return head === null ? offset : head.length;
}
