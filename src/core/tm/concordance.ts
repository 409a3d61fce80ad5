import { matchTokens } from "../text/match-tokens.ts";
import type { TmUnit } from "./types.ts";

/** One occurrence of the phrase in a text: UTF-16 offsets into the NFC text, end exclusive. */
export interface PhraseSpan {
  start: number;
  end: number;
}

/** A unit holding the phrase, with where it stands in each field ("source", "vi", "en", …). */
export interface ConcordanceHit {
  unit: TmUnit;
  /** Fields holding the phrase, source first then the targets in the unit's order. */
  spans: Record<string, PhraseSpan[]>;
}

export interface ConcordanceResult {
  hits: ConcordanceHit[];
  /** Every unit holding the phrase (more than `hits.length` when the list was cut). */
  total: number;
}

interface FoldedToken {
  key: string;
  start: number;
  end: number;
}

/** Case folding of one token (words and numbers as written, lower case). */
function fold(raw: string): string {
  return raw.toLowerCase();
}

/**
 * The match tokens of an NFC text with their offsets; inline-code placeholders are left out, so a
 * phrase is found across a code ("Baca <b>berita</b>" holds "baca berita").
 */
function tokensOf(text: string): FoldedToken[] {
  const out: FoldedToken[] = [];
  let at = 0;
  for (const t of matchTokens(text)) {
    const start = text.indexOf(t.raw, at);
    if (start < 0) break; // cannot happen: the tokens are slices of the same NFC text, in order
    at = start + t.raw.length;
    if (t.kind !== "c") out.push({ key: fold(t.raw), start, end: at });
  }
  return out;
}

/** A phrase ready to search: its folded tokens (empty when it has none). */
export interface PreparedPhrase {
  keys: string[];
  /** The longest key, looked for with `includes` before tokenizing a text. */
  probe: string;
}

export function preparePhrase(phrase: string): PreparedPhrase {
  const keys = tokensOf(phrase.normalize("NFC")).map((t) => t.key);
  const probe = keys.reduce((a, b) => (b.length > a.length ? b : a), "");
  return { keys, probe };
}

/**
 * Every occurrence of the phrase in a text, token by token: whole tokens only ("bank" is not in
 * "bankir"), NFC and case folded, spaces between tokens ignored, inline codes skipped. Offsets are
 * into `text.normalize("NFC")` (the text itself for NFC text, as Selaras stores it).
 */
export function findPhrase(text: string, phrase: string | PreparedPhrase): PhraseSpan[] {
  const p = typeof phrase === "string" ? preparePhrase(phrase) : phrase;
  if (p.keys.length === 0) return [];
  const nfc = text.normalize("NFC");
  if (!nfc.toLowerCase().includes(p.probe)) return [];
  const tokens = tokensOf(nfc);
  const out: PhraseSpan[] = [];
  const n = p.keys.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    let k = 0;
    while (k < n && tokens[i + k]!.key === p.keys[k]) k++;
    if (k === n) {
      out.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
      i += n - 1; // occurrences do not overlap
    }
  }
  return out;
}

/**
 * Concordance: every unit whose source or any target holds the phrase (`findPhrase`), in the
 * order given, at most `limit` listed (all by default); `total` counts them all.
 */
export function concordance(
  units: Iterable<TmUnit>,
  phrase: string,
  options: { limit?: number } = {},
): ConcordanceResult {
  const p = preparePhrase(phrase);
  const limit = options.limit ?? Infinity;
  const hits: ConcordanceHit[] = [];
  let total = 0;
  if (p.keys.length === 0) return { hits, total };
  for (const unit of units) {
    const spans: Record<string, PhraseSpan[]> = {};
    let found = false;
    const fields: Array<[string, string]> = [
      ["source", unit.source],
      ...Object.entries(unit.targets),
    ];
    for (const [field, text] of fields) {
      const s = findPhrase(text, p);
      if (s.length > 0) {
        spans[field] = s;
        found = true;
      }
    }
    if (!found) continue;
    total++;
    if (hits.length < limit) hits.push({ unit, spans });
  }
  return { hits, total };
}
