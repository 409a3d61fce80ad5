import { normalizeNumber, usesDecimalComma } from "../align/numbers.ts";
import { matchTokens } from "../text/match-tokens.ts";

/** A text cut into matching keys. */
export interface Prepared {
  /**
   * Keys as the index sees them: words case-folded, punctuation as written, every number as "#",
   * every inline code as "\uE000". Equal keys ⇒ equal except for number values and code contents.
   */
  keys: string[];
  /** Canonical value of each number, in order ("2.500" in Indonesian → "2500"). */
  numbers: string[];
  /** Each number as written. */
  numberRaw: string[];
  /** Each inline code as written. */
  codes: string[];
}

export const NUMBER_KEY = "#";
export const CODE_KEY = "\uE000";

export function prepare(text: string, lang: string): Prepared {
  const decimalComma = usesDecimalComma(lang);
  const keys: string[] = [];
  const numbers: string[] = [];
  const numberRaw: string[] = [];
  const codes: string[] = [];
  for (const t of matchTokens(text)) {
    if (t.kind === "n") {
      keys.push(NUMBER_KEY);
      numbers.push(normalizeNumber(t.raw, decimalComma));
      numberRaw.push(t.raw);
    } else if (t.kind === "c") {
      keys.push(CODE_KEY);
      codes.push(t.raw);
    } else {
      keys.push(t.kind === "w" ? t.raw.toLowerCase() : t.raw);
    }
  }
  return { keys, numbers, numberRaw, codes };
}

/** Keys with the number values in place of "#" (what OmegaT compares). */
export function realKeys(p: Prepared): string[] {
  let k = 0;
  return p.keys.map((key) => (key === NUMBER_KEY ? `#${p.numbers[k++]}` : key));
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
