import { numberReadings, usesDecimalComma } from "../align/numbers.ts";
import { monthNames } from "../align/months.ts";
import { foldText } from "../align/normalize-token.ts";
import type { MatchTokenSpan } from "../text/match-tokens.ts";
import { matchTokenSpans } from "../text/match-tokens.ts";
import type { NumberWord } from "./number-words.ts";
import { isJoiner, numberWord, readNumberPhrase, scaleAbbreviation } from "./number-words.ts";
import { inSpans, protectedSpans } from "./protected-spans.ts";
import type { TextRange } from "./types.ts";

/**
 * A quantity written in a text: a numeral ("2.500", "3,5%", "Rp2.500"), a numeral with a scale
 * ("2,5 juta"), number words ("dua puluh", "hai mươi", "twenty-five"), a time ("10.30 WIB",
 * "10:30", "10h30", "2.30 pm") or a month name next to a day or year ("25 Oktober").
 * `readings` are the canonical values it may stand for (numbers as "2500" / "3.5", times as
 * "t10:30"); `hard` is false for what is often not a number at all (Vietnamese "một" is also "a",
 * "năm" also "year"; English "one", "second"; a month name): those match, but are never reported.
 */
export interface Quantity extends TextRange {
  raw: string;
  readings: string[];
  hard: boolean;
}

/** Multiplies a canonical decimal ("2.5") by 10^exp, exactly ("2500000"). */
export function shiftDecimal(canonical: string, exp: number): string {
  const [int = "0", frac = ""] = canonical.split(".");
  const digits = int + frac.padEnd(exp, "0");
  const point = int.length + exp;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const rest = digits.slice(point).replace(/0+$/, "");
  return rest === "" ? whole : `${whole}.${rest}`;
}

function canonicalOf(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(9)));
}

const TIME_BEFORE = new Set([
  "pukul",
  "jam",
  "lúc",
  "at",
  "from",
  "until",
  "by",
  "sejak",
  "hingga",
  "sampai",
  "từ",
  "đến",
]);
const TIME_ZONES = new Set(["wib", "wita", "wit", "utc", "gmt", "ict"]);
const AM = new Set(["am", "a.m"]);
const PM = new Set(["pm", "p.m"]);
const NUMERAL_IN_WORD = /\d(?:\d|[.,](?=\d))*/g;
const EXP = new Map([
  [1e3, 3],
  [1e6, 6],
  [1e9, 9],
  [1e12, 12],
]);

function lower(t: MatchTokenSpan | undefined): string {
  return t ? t.raw.toLowerCase() : "";
}

/** The minute reading of "10.30" / "10:30" / "10h30" when it can be a time of day. */
function timeKey(hour: number, minute: number): string | null {
  if (hour > 24 || minute > 59) return null;
  return `t${hour}:${String(minute).padStart(2, "0")}`;
}

/** am/pm after a time (also "p.m.", tokenized as p . m .). */
function meridiem(
  tokens: readonly MatchTokenSpan[],
  i: number,
): { pm: boolean; next: number } | null {
  const t = lower(tokens[i]);
  if (AM.has(t) || PM.has(t)) return { pm: PM.has(t), next: i + 1 };
  if ((t === "a" || t === "p") && tokens[i + 1]?.raw === "." && lower(tokens[i + 2]) === "m") {
    return { pm: t === "p", next: i + 3 };
  }
  return null;
}

interface Reader {
  tokens: MatchTokenSpan[];
  lang: string;
  out: Quantity[];
  text: string;
}

function push(r: Reader, start: number, end: number, readings: string[], hard: boolean): void {
  r.out.push({ start, end, raw: r.text.slice(start, end), readings: [...new Set(readings)], hard });
}

/** A time starting at token i (a numeral), or -1. Pushes it and returns the next index. */
function readTime(r: Reader, i: number): number {
  const { tokens } = r;
  const t = tokens[i]!;
  const prev = lower(tokens[i - 1]);
  let hour: number;
  let minute = 0;
  let next = i + 1;
  let explicit = false;
  const dotted = /^(\d{1,2})[.](\d{2})$/.exec(t.raw);
  const colon =
    /^\d{1,2}$/.test(t.raw) &&
    tokens[i + 1]?.raw === ":" &&
    tokens[i + 1]!.start === t.end &&
    /^\d{2}$/.test(tokens[i + 2]?.raw ?? "") &&
    tokens[i + 2]!.start === tokens[i + 1]!.end;
  if (colon) {
    hour = Number(t.raw);
    minute = Number(tokens[i + 2]!.raw);
    next = i + 3;
    explicit = true;
  } else if (dotted) {
    hour = Number(dotted[1]);
    minute = Number(dotted[2]);
  } else if (/^\d{1,2}$/.test(t.raw)) {
    hour = Number(t.raw);
    // "10 giờ 30", "10 giờ"; "pukul 10"; "10 am"
    if (lower(tokens[i + 1]) === "giờ") {
      next = i + 2;
      if (/^\d{1,2}$/.test(tokens[i + 2]?.raw ?? "")) {
        minute = Number(tokens[i + 2]!.raw);
        next = i + 3;
        if (lower(tokens[next]) === "phút") next++;
      }
      explicit = true;
    } else if (
      !(TIME_BEFORE.has(prev) && (prev === "pukul" || prev === "lúc")) &&
      !meridiem(tokens, i + 1) &&
      lower(tokens[i + 1]) !== "o"
    ) {
      return -1;
    }
  } else return -1;
  if (!explicit && scaleAfter(r, next)) return -1;
  const mer = meridiem(tokens, next);
  const zone = TIME_ZONES.has(lower(tokens[mer ? mer.next : next]));
  const oclock =
    lower(tokens[next]) === "o" &&
    tokens[next + 1]?.raw.match(/^['’]$/) &&
    lower(tokens[next + 2]) === "clock";
  const marked = explicit || mer !== null || zone || TIME_BEFORE.has(prev) || Boolean(oclock);
  if (!marked && !dotted) return -1;
  const keys: string[] = [];
  const base = timeKey(hour, minute);
  if (base === null) return -1;
  if (mer?.pm && hour < 12) keys.push(timeKey(hour + 12, minute)!);
  keys.push(base);
  if (mer && !mer.pm && hour === 12) keys.unshift(timeKey(0, minute)!);
  let end = mer ? mer.next : next;
  if (zone) end++;
  if (oclock) end = next + 3;
  if (!marked) {
    // "10.30" alone: a decimal or a time; either reading matches.
    keys.unshift(...numberReadings(t.raw, usesDecimalComma(r.lang)));
  } else if (minute === 0) keys.push(String(hour));
  const last = tokens[end - 1]!;
  push(r, t.start, last.end, keys, true);
  return end;
}

/** A scale word or abbreviation right after a numeral: its power of ten, and the next index. */
function scaleAfter(r: Reader, i: number): { exp: number; next: number } | null {
  const t = r.tokens[i];
  if (!t || t.kind !== "w") return null;
  const word = numberWord(t.raw, r.lang);
  let value = word?.role === "scale" ? word.value : undefined;
  if (value === undefined) value = scaleAbbreviation(t.raw, r.lang);
  if (value === undefined) return null;
  let exp = EXP.get(value) ?? 0;
  let next = i + 1;
  // "2 nghìn tỷ" (10^12)
  const then = r.tokens[next] ? numberWord(r.tokens[next]!.raw, r.lang) : undefined;
  if (then?.role === "scale" && then.value > value) {
    exp += EXP.get(then.value) ?? 0;
    next++;
  }
  return { exp, next };
}

function readNumeral(r: Reader, i: number): number {
  const t = r.tokens[i]!;
  const decimalComma = usesDecimalComma(r.lang);
  let readings = numberReadings(t.raw, decimalComma);
  const scale = scaleAfter(r, i + 1);
  let end = t.end;
  let next = i + 1;
  if (scale) {
    readings = readings.map((v) => shiftDecimal(v, scale.exp));
    end = r.tokens[scale.next - 1]!.end;
    next = scale.next;
  }
  push(r, t.start, end, readings, true);
  return next;
}

/** Numerals inside a word token: "Rp2.500", "3rd", "ke-3", "COVID-19", "10h30", "2020an". */
function readWordNumerals(r: Reader, i: number): number {
  const t = r.tokens[i]!;
  const hm = /^(\d{1,2})h(\d{2})?$/i.exec(t.raw);
  if (hm) {
    const key = timeKey(Number(hm[1]), Number(hm[2] ?? "0"));
    if (key) {
      push(r, t.start, t.end, hm[2] === undefined ? [key, hm[1]!] : [key], true);
      return i + 1;
    }
  }
  const decimalComma = usesDecimalComma(r.lang);
  const runs = [...t.raw.matchAll(NUMERAL_IN_WORD)];
  runs.forEach((m, k) => {
    let readings = numberReadings(m[0], decimalComma);
    let end = t.start + m.index + m[0].length;
    if (k === runs.length - 1 && end === t.end) {
      const scale = scaleAfter(r, i + 1);
      if (scale) {
        readings = readings.map((v) => shiftDecimal(v, scale.exp));
        end = r.tokens[scale.next - 1]!.end;
        i = scale.next - 1;
      }
    }
    push(r, t.start + m.index, end, readings, true);
  });
  return i + 1;
}

/** The parts of a word token that are number words ("twenty-five" → twenty, five), or null. */
function wordParts(t: MatchTokenSpan, lang: string): NumberWord[] | null {
  const parts = t.raw.split("-");
  const words = parts.map((p) => numberWord(p, lang));
  return words.every((w) => w !== undefined) ? (words as NumberWord[]) : null;
}

/** May `w` continue a number phrase whose last word is `prev`? ("ba năm" is three years). */
function continues(
  prev: NumberWord,
  w: NumberWord,
  raw: string,
  nextWord: NumberWord | undefined,
  lang: string,
): boolean {
  if (w.ordinal || prev.ordinal) return false;
  if (w.role === "unit" && prev.role === "unit") {
    // "twenty five", "mười hai": a round ten, then a digit.
    if (!(prev.value % 10 === 0 && prev.value >= 10 && prev.value < 100 && w.value < 10))
      return false;
  }
  if (w.role === "teen" && !(prev.role === "unit" && prev.value < 10)) return false;
  if (lang.startsWith("vi") && raw.toLowerCase() === "năm") {
    // After "mươi"/"mười" five is "lăm": "hai mươi năm" is twenty years.
    return prev.role === "zero" || (nextWord !== undefined && nextWord.role !== "unit");
  }
  return true;
}

function readWords(r: Reader, i: number): number {
  const { tokens, lang } = r;
  const first = tokens[i]!;
  const firstParts = wordParts(first, lang);
  if (!firstParts) return i + 1;
  // Vietnamese "phần trăm" is "percent", not a hundred.
  if (lower(tokens[i - 1]) === "phần" && first.raw.toLowerCase() === "trăm") return i + 1;
  const words: NumberWord[] = [...firstParts];
  let wordCount = firstParts.length;
  let j = i + 1;
  let endToken = i;
  for (let guard = 0; guard < 40 && j < tokens.length; guard++) {
    const t = tokens[j]!;
    if (t.kind !== "w") break;
    if (isJoiner(t.raw, lang)) {
      const after = tokens[j + 1] ? wordParts(tokens[j + 1]!, lang) : null;
      if (!after) break;
      j++;
      continue;
    }
    const parts = wordParts(t, lang);
    if (!parts) break;
    const nextParts = tokens[j + 1] ? wordParts(tokens[j + 1]!, lang) : null;
    if (!continues(words[words.length - 1]!, parts[0]!, t.raw, nextParts?.[0], lang)) break;
    words.push(...parts);
    wordCount += parts.length;
    endToken = j;
    j++;
  }
  // Vietnamese "năm" (five / year) alone, or "năm" before a numeral ("năm 2025"), is a year.
  const value = readNumberPhrase(words);
  if (value === null) return endToken + 1;
  const onlyScale = words.every((w) => (w.role === "scale" || w.role === "hundred") && !w.one);
  const hard = !onlyScale && !words.some((w) => w.ordinal) && (wordCount >= 2 || value >= 10);
  push(r, first.start, tokens[endToken]!.end, [canonicalOf(value)], hard);
  return endToken + 1;
}

function readMonth(r: Reader, i: number): boolean {
  const t = r.tokens[i]!;
  const month = monthNames(r.lang).get(foldText(t.raw));
  if (month === undefined) return false;
  const near = r.tokens[i - 1]?.kind === "n" || r.tokens[i + 1]?.kind === "n";
  // English "may" and "march" are words too: only next to a day or year, capitalized.
  if (
    r.lang.startsWith("en") &&
    /^(may|march)$/i.test(t.raw) &&
    (!near || t.raw[0] === t.raw[0]!.toLowerCase())
  )
    return false;
  push(r, t.start, t.end, [String(month)], false);
  return true;
}

/**
 * The quantities of a text in `lang`, in text order. Numbers inside inline codes, URLs, e-mail
 * addresses and file names are not quantities (they are checked as unchanged spans).
 */
export function readQuantities(text: string, lang: string): Quantity[] {
  const spans = protectedSpans(text);
  const tokens = matchTokenSpans(text).filter(
    (t) => !inSpans(spans, t.start, t.end) && t.kind !== "c",
  );
  const r: Reader = { tokens, lang, out: [], text };
  let i = 0;
  for (let guard = 0; i < tokens.length && guard <= tokens.length; guard++) {
    const t = tokens[i]!;
    if (t.kind === "n") {
      const afterTime = readTime(r, i);
      i = afterTime >= 0 ? afterTime : readNumeral(r, i);
    } else if (t.kind === "w" && /\d/.test(t.raw)) {
      const afterTime = /^\d{1,2}[.]\d{2}$/.test(t.raw) ? readTime(r, i) : -1;
      i = afterTime >= 0 ? afterTime : readWordNumerals(r, i);
    } else if (t.kind === "w") {
      if (readMonth(r, i)) i++;
      else i = readWords(r, i);
    } else i++;
  }
  return r.out;
}
