import { monthNames } from "./months.ts";
import { extractNumbers, usesDecimalComma } from "./numbers.ts";
import { foldText, isCapitalized, words } from "./normalize-token.ts";

/**
 * Dictionary-free anchors of one sentence, as string keys that are equal on both sides when they
 * match: numbers (`n:`), percent (`pc`), months (`m:`), URLs (`u:`), e-mails (`e:`), words and names
 * by a cognate key (`w:`), punctuation (`p:`), glossary terms (`g:`) and learned word pairs (`x:`).
 */
export type FeatureKind = "n" | "pc" | "m" | "u" | "e" | "w" | "p" | "g" | "x";

export function featureKind(key: string): FeatureKind {
  const colon = key.indexOf(":");
  return (colon < 0 ? key : key.slice(0, colon)) as FeatureKind;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'«»“”]+/giu;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const PERCENT_WORDS =
  /\b(?:persen|percent|per cent|prozent|pour cent|prosent|por ciento|per cento|procent|phan tram)\b/;
const TRAILING = /[.,;:!?)\]}]+$/;

/** The cognate key of a folded word: its first five letters (words under four letters have none). */
export function cognateKey(folded: string): string | null {
  return folded.length < 4 ? null : folded.slice(0, 5);
}

/** Glossary terms as folded strings padded with spaces, for whole-word search in folded text. */
export function foldTerm(term: string): string {
  return ` ${foldText(term)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

function punctuation(text: string, out: Set<string>): void {
  if (text.includes("?")) out.add("p:?");
  if (text.includes("!")) out.add("p:!");
  if (/["“”„«»‹›]/.test(text) || /(^|\s)'|'(\s|$)/.test(text)) out.add("p:q");
  if (/[([]/.test(text)) out.add("p:b");
  if (/\.\.\.|…/.test(text)) out.add("p:e");
  if (text.includes(":") && !/\d:\d/.test(text)) out.add("p:c");
  if (text.includes(";")) out.add("p:s");
}

/** Languages that write numeric dates day first (25/10/2025). */
const MONTH_FIRST = new Set(["en", "zh", "ja", "ko"]);

/** Months written with digits: "25/10/2025" (day-first languages), Vietnamese "tháng 10". */
function numericMonths(text: string, primary: string, out: Set<string>): void {
  if (!MONTH_FIRST.has(primary)) {
    const dates = /\b(\d{1,2})(?:\/(\d{1,2})(?:\/\d{2,4})?|\.(\d{1,2})\.\d{2,4})\b/g;
    for (const m of text.matchAll(dates)) {
      const month = Number(m[2] ?? m[3]);
      if (Number(m[1]) <= 31 && month >= 1 && month <= 12) out.add(`m:${month}`);
    }
  }
  if (primary === "vi") {
    for (const m of text.matchAll(/tháng\s+(\d{1,2})\b/giu)) {
      const month = Number(m[1]);
      if (month >= 1 && month <= 12) out.add(`m:${month}`);
    }
  }
}

export function sentenceFeatures(
  sentence: string,
  lang: string,
  glossaryTerms: readonly string[] = [],
): string[] {
  const out = new Set<string>();
  let text = sentence.normalize("NFC");
  if (/https?:|www\./i.test(text))
    text = text.replace(URL_RE, (url) => {
      out.add(
        `u:${url
          .replace(TRAILING, "")
          .replace(/^https?:\/\//i, "")
          .toLowerCase()}`,
      );
      return " ";
    });
  if (text.includes("@"))
    text = text.replace(EMAIL_RE, (mail) => {
      out.add(`e:${mail.toLowerCase()}`);
      return " ";
    });
  for (const n of extractNumbers(text, usesDecimalComma(lang))) out.add(`n:${n}`);
  const folded = foldText(text);
  if (text.includes("%") || PERCENT_WORDS.test(folded)) out.add("pc");
  punctuation(text, out);

  const months = monthNames(lang);
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? "";
  numericMonths(text, primary, out);
  const ws = words(text);
  const foldedWords = words(folded);
  const foldAt = (k: number, word: string): string =>
    foldedWords.length === ws.length ? (foldedWords[k] ?? "") : foldText(word);
  let capsRun: string[] = [];
  const flushCaps = (): void => {
    for (let len = 2; len <= 3; len++) {
      for (let i = 0; i + len <= capsRun.length; i++) {
        const key = cognateKey(capsRun.slice(i, i + len).join(""));
        if (key !== null) out.add(`w:${key}`);
      }
    }
    capsRun = [];
  };
  ws.forEach((word, k) => {
    const f = foldAt(k, word);
    const month = months.get(f);
    if (month !== undefined && !(primary === "en" && f === "may" && !isCapitalized(word))) {
      out.add(`m:${month}`);
    }
    const key = cognateKey(f);
    if (key !== null) out.add(`w:${key}`);
    if (isCapitalized(word)) capsRun.push(f);
    else flushCaps();
  });
  flushCaps();

  if (glossaryTerms.length > 0) {
    const padded = ` ${folded.replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
    glossaryTerms.forEach((term, i) => {
      if (term.trim() !== "" && padded.includes(term)) out.add(`g:${i}`);
    });
  }
  return [...out];
}
