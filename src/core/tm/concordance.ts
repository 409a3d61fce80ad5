import { baseOccursIn, indonesianBases } from "../glossary/stem-id.ts";
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
  /**
   * With Indonesian word forms: per key, the base forms a text word may share with it (the key's
   * own bases of four letters or more that occur in it); null for an exact search.
   */
  forms: Array<Set<string>> | null;
  /** With word forms: a text holds a match only if it includes one of these (the probe's forms). */
  probes: string[];
}

export interface PhraseOptions {
  /**
   * The text is Indonesian and a word also matches in another form of the same base (affixes and
   * reduplication, src/core/glossary/stem-id.ts): `tandatangan` finds `menandatangani`.
   */
  stems?: boolean;
}

/** A base a phrase word and a text word may share: long enough to mean something, in the word. */
function sharedForms(key: string): Set<string> {
  const out = new Set<string>();
  for (const b of indonesianBases(key)) if (b.length >= 4 && baseOccursIn(b, key)) out.add(b);
  out.add(key);
  return out;
}

export function preparePhrase(phrase: string, options: PhraseOptions = {}): PreparedPhrase {
  const keys = tokensOf(phrase.normalize("NFC")).map((t) => t.key);
  const probe = keys.reduce((a, b) => (b.length > a.length ? b : a), "");
  if (!options.stems || keys.length === 0) return { keys, probe, forms: null, probes: [probe] };
  const forms = keys.map(sharedForms);
  // A text word holding base b includes b, or b less its first letter when a nasal prefix changed
  // that sound (baseOccursIn): one of these substrings is in any text that can match.
  const probes = [...forms[keys.indexOf(probe)]!].map((b) =>
    /^[tpks]/.test(b) && b.length >= 4 ? b.slice(1) : b,
  );
  return { keys, probe, forms, probes };
}

function wordMatches(word: string, key: string, forms: Set<string> | null): boolean {
  if (word === key) return true;
  if (!forms) return false;
  for (const b of indonesianBases(word)) if (forms.has(b) && baseOccursIn(b, word)) return true;
  return false;
}

/**
 * Every occurrence of the phrase in a text, token by token: whole tokens only ("bank" is not in
 * "bankir"), NFC and case folded, spaces between tokens ignored, inline codes skipped; with
 * `stems`, a word also matches in another Indonesian form of the same base. Offsets are into
 * `text.normalize("NFC")` (the text itself for NFC text, as Selaras stores it).
 */
export function findPhrase(
  text: string,
  phrase: string | PreparedPhrase,
  options: PhraseOptions = {},
): PhraseSpan[] {
  const p = typeof phrase === "string" ? preparePhrase(phrase, options) : phrase;
  if (p.keys.length === 0) return [];
  const nfc = text.normalize("NFC");
  const lower = nfc.toLowerCase();
  if (!p.probes.some((probe) => lower.includes(probe))) return [];
  const tokens = tokensOf(nfc);
  const out: PhraseSpan[] = [];
  const n = p.keys.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    let k = 0;
    while (k < n && wordMatches(tokens[i + k]!.key, p.keys[k]!, p.forms?.[k] ?? null)) k++;
    if (k === n) {
      out.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
      i += n - 1; // occurrences do not overlap
    }
  }
  return out;
}

/**
 * Concordance: every unit whose source or any target holds the phrase (`findPhrase`), in the
 * order given, at most `limit` listed (all by default); `total` counts them all. With `stems`, the
 * sources are Indonesian and searched with word forms; the targets stay exact.
 */
export function concordance(
  units: Iterable<TmUnit>,
  phrase: string,
  options: { limit?: number } & PhraseOptions = {},
): ConcordanceResult {
  const p = preparePhrase(phrase);
  const ps = options.stems ? preparePhrase(phrase, { stems: true }) : p;
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
      const s = findPhrase(text, field === "source" ? ps : p);
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
