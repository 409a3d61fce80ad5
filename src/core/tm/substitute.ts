import { normalizeNumber, usesDecimalComma } from "../align/numbers.ts";

const NUMBER_RE = /\d(?:[\d\u00A0\u202F'’]|[.,](?=\d))*(?![\p{L}\p{M}\p{N}])/gu;

/** Writes a canonical number ("2500", "3.5") in a language's notation ("2.500" / "2,500"). */
export function formatNumber(canonical: string, lang: string, group: boolean): string {
  const decimalComma = usesDecimalComma(lang);
  const [int = "", frac] = canonical.split(".");
  const sep = decimalComma ? "." : ",";
  const grouped = group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) : int;
  return frac === undefined ? grouped : `${grouped}${decimalComma ? "," : "."}${frac}`;
}

/**
 * Replaces, in a target text, each number whose value is one of the match source's numbers by the
 * query's number at the same place, written in the target language's notation. `pairs` maps a
 * match value to the query value. Returns null when a changed number is not found in the target
 * (the translation may spell it out or round it: nothing safe to offer).
 */
export function substituteNumbers(
  target: string,
  lang: string,
  pairs: ReadonlyMap<string, string>,
  queryGrouped: ReadonlyMap<string, boolean>,
): string | null {
  const decimalComma = usesDecimalComma(lang);
  const seen = new Set<string>();
  const out = target.replace(NUMBER_RE, (raw) => {
    const value = normalizeNumber(raw, decimalComma);
    const replacement = pairs.get(value);
    if (replacement === undefined) return raw;
    seen.add(value);
    const group =
      /[.,\u00A0\u202F'’]\d{3}(?!\d)/u.test(raw) || (queryGrouped.get(replacement) ?? false);
    return formatNumber(replacement, lang, group);
  });
  for (const value of pairs.keys()) if (!seen.has(value)) return null;
  return out;
}
