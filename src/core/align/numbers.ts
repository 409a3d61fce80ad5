/**
 * Locale-aware number normalization, so that id/vi "2.500" = en "2,500" = "2500" and "3,5" = "3.5".
 * A separator that is followed by exactly three digits is ambiguous; the language decides it.
 */

/** Languages (primary subtags) that write a decimal point and group thousands with commas. */
const DOT_DECIMAL = new Set([
  "en",
  "zh",
  "ja",
  "ko",
  "th",
  "he",
  "ms",
  "hi",
  "ga",
  "mt",
  "sw",
  "tl",
  "fil",
  "my",
  "ta",
  "te",
  "bn",
  "ur",
  "ne",
  "si",
  "km",
  "lo",
]);
/** Regions that use a decimal point even though the language usually does not (Swiss German, ...). */
const DOT_DECIMAL_REGIONS = new Set(["ch", "li", "mx", "gt", "do", "pr", "pe", "ni", "sv", "pa"]);

/** True when the language writes "3,5" for three and a half. */
export function usesDecimalComma(lang: string): boolean {
  const parts = lang.toLowerCase().split(/[-_]/);
  const primary = parts[0] ?? "";
  if (parts.slice(1).some((p) => DOT_DECIMAL_REGIONS.has(p))) return false;
  return !DOT_DECIMAL.has(primary);
}

const GROUP_SPACES = /[\u00A0\u202F\u2009'’]/g;

function stripZeros(int: string): string {
  const s = int.replace(/^0+(?=\d)/, "");
  return s === "" ? "0" : s;
}

function decimal(int: string, frac: string): string {
  const f = frac.replace(/0+$/, "");
  return f === "" ? stripZeros(int) : `${stripZeros(int)}.${f}`;
}

/** Canonical form of one written number ("2.500" → "2500", "3,5" → "3.5"), or the raw digits. */
export function normalizeNumber(raw: string, decimalComma: boolean): string {
  const s = raw.replace(GROUP_SPACES, "");
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return stripZeros(s);
  if (dots > 0 && commas > 0) {
    const last = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
    return decimal(s.slice(0, last).replace(/[.,]/g, ""), s.slice(last + 1));
  }
  const sep = dots > 0 ? "." : ",";
  const groups = s.split(sep);
  if (groups.length > 2) {
    const grouped = groups.slice(1).every((g) => g.length === 3) && (groups[0] ?? "").length <= 3;
    return grouped ? stripZeros(groups.join("")) : s;
  }
  const [int = "", frac = ""] = groups;
  if (frac.length === 3 && int.length <= 3 && int !== "0") {
    const thousandsSep = decimalComma ? "." : ",";
    if (sep === thousandsSep) return stripZeros(int + frac);
  }
  return decimal(int, frac);
}

const NUMBER_RE = /\d(?:[\d\u00A0\u202F'’]|[.,](?=\d))*/g;

/** Every number written in a text, normalized. */
export function extractNumbers(text: string, decimalComma: boolean): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NUMBER_RE)) out.push(normalizeNumber(m[0], decimalComma));
  return out;
}

/**
 * Every value a written number may stand for, the language's reading first: "2.500" in English is
 * 2.5 by the rules but 2500 as an Indonesian would write it, so QA (core/qa) accepts either and
 * does not call a format that is only unusual for the language an error.
 */
export function numberReadings(raw: string, decimalComma: boolean): string[] {
  const first = normalizeNumber(raw, decimalComma);
  const other = normalizeNumber(raw, !decimalComma);
  return other === first ? [first] : [first, other];
}
