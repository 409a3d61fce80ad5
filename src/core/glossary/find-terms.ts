import type { Glossary, GlossaryConcept, GlossaryTerm, TermStatus } from "./model.ts";
import { baseOccursIn, indonesianBases } from "./stem-id.ts";

/** A term of the glossary found in a source text. */
export interface TermHit {
  /** [start, end) in UTF-16 code units of the text given. */
  start: number;
  end: number;
  /** The text at that place. */
  text: string;
  conceptId: string;
  /** The source-language term that was found. */
  term: GlossaryTerm;
  /** How: as written (case-folded), as one of its listed variants, or as an inflected form. */
  how: "exact" | "variant" | "inflected";
  /** The concept's terms in the other languages: preferred first, forbidden last. */
  translations: Record<string, GlossaryTerm[]>;
}

export interface FindTermsOptions {
  /** Language of the text; default "id" (only Indonesian gets inflected forms). */
  sourceLang?: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;

interface Token {
  start: number;
  end: number;
  key: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ start: m.index, end: m.index + m[0].length, key: fold(m[0]) });
  }
  return out;
}

function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

const RANK: Record<TermStatus | "none", number> = {
  preferred: 0,
  admitted: 1,
  none: 2,
  forbidden: 3,
};

interface Pattern {
  words: string[];
  how: "exact" | "variant";
  term: GlossaryTerm;
  concept: GlossaryConcept;
}

/**
 * A glossary compiled for recognition in one source language: an index from a pattern's first word
 * to its patterns (the term and each variant), so that a text costs one lookup per base form of
 * each of its words.
 */
export class TermMatcher {
  private readonly byFirst = new Map<string, Pattern[]>();
  private readonly sourceLang: string;

  constructor(glossary: Glossary, options: FindTermsOptions = {}) {
    this.sourceLang = options.sourceLang ?? "id";
    for (const concept of glossary.concepts) {
      for (const term of concept.terms) {
        if (term.lang !== this.sourceLang) continue;
        this.add({ words: tokens(term.text).map((t) => t.key), how: "exact", term, concept });
        for (const variant of term.variants ?? []) {
          this.add({ words: tokens(variant).map((t) => t.key), how: "variant", term, concept });
        }
      }
    }
  }

  private add(pattern: Pattern): void {
    const first = pattern.words[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first);
    if (list) list.push(pattern);
    else this.byFirst.set(first, [pattern]);
  }

  /** Whether a text word matches a pattern word: as written, or (inflection allowed) as a base. */
  private wordMatches(
    word: string,
    bases: Set<string> | null,
    want: string,
  ): "exact" | "inflected" | null {
    if (word === want) return "exact";
    if (bases && bases.has(want) && baseOccursIn(want, word)) return "inflected";
    return null;
  }

  /** The hits in `text`, left to right; overlapping hits keep the longer (homonyms both). */
  find(text: string): TermHit[] {
    const toks = tokens(text);
    const morph = this.sourceLang === "id";
    const bases = toks.map((t) => (morph ? indonesianBases(t.key) : new Set([t.key])));
    const found: { hit: TermHit; length: number }[] = [];
    toks.forEach((tok, i) => {
      const seen = new Set<Pattern>();
      for (const base of bases[i]!) {
        for (const pattern of this.byFirst.get(base) ?? []) {
          if (seen.has(pattern)) continue;
          seen.add(pattern);
          const inflect = morph && pattern.how === "exact" && !pattern.term.exactOnly;
          let how: TermHit["how"] = pattern.how;
          let ok = i + pattern.words.length <= toks.length;
          for (let k = 0; ok && k < pattern.words.length; k++) {
            const m = this.wordMatches(
              toks[i + k]!.key,
              inflect ? bases[i + k]! : null,
              pattern.words[k]!,
            );
            if (m === null) ok = false;
            else if (m === "inflected") how = "inflected";
          }
          if (!ok) continue;
          const last = toks[i + pattern.words.length - 1]!;
          found.push({
            length: last.end - tok.start,
            hit: {
              start: tok.start,
              end: last.end,
              text: text.slice(tok.start, last.end),
              conceptId: pattern.concept.id,
              term: pattern.term,
              how,
              translations: this.translations(pattern.concept),
            },
          });
        }
      }
    });
    found.sort((a, b) => a.hit.start - b.hit.start || b.length - a.length);
    const out: TermHit[] = [];
    for (const { hit } of found) {
      const previous = out[out.length - 1];
      if (previous && hit.start < previous.end) {
        const same = hit.start === previous.start && hit.end === previous.end;
        if (!same || out.some((h) => h.conceptId === hit.conceptId && h.start === hit.start))
          continue;
      }
      out.push(hit);
    }
    return out;
  }

  private translations(concept: GlossaryConcept): Record<string, GlossaryTerm[]> {
    const out: Record<string, GlossaryTerm[]> = {};
    for (const term of concept.terms) {
      if (term.lang === this.sourceLang) continue;
      (out[term.lang] ??= []).push(term);
    }
    for (const list of Object.values(out)) {
      list.sort((a, b) => RANK[a.status ?? "none"] - RANK[b.status ?? "none"]);
    }
    return out;
  }
}

/** The glossary's terms found in one source sentence (see TermMatcher). */
export function findTerms(
  glossary: Glossary,
  text: string,
  options: FindTermsOptions = {},
): TermHit[] {
  return new TermMatcher(glossary, options).find(text);
}
