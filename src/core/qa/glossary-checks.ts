import { TermMatcher, type TermHit } from "../glossary/find-terms.ts";
import type { Glossary, GlossaryTerm } from "../glossary/model.ts";
import type { CellCheck, QaFinding } from "./types.ts";

/**
 * The project glossary compiled for QA of one source language: the source terms (the panel's
 * matcher, Indonesian inflections) and, per target language, that language's terms as written.
 */
export interface QaGlossary {
  source: TermMatcher;
  target(lang: string): TermMatcher;
  /** A concept's terms in one language (what to use instead of a forbidden one). */
  termsOf(conceptId: string, lang: string): readonly GlossaryTerm[];
}

/** Compiles a glossary for the glossary checks (once per run, not per cell). */
export function compileQaGlossary(glossary: Glossary, sourceLang: string): QaGlossary {
  const targets = new Map<string, TermMatcher>();
  const concepts = new Map(glossary.concepts.map((c) => [c.id, c]));
  return {
    termsOf: (id, lang) => concepts.get(id)?.terms.filter((t) => t.lang === lang) ?? [],
    source: new TermMatcher(glossary, { sourceLang }),
    target: (lang) => {
      let m = targets.get(lang);
      if (!m) targets.set(lang, (m = new TermMatcher(glossary, { sourceLang: lang })));
      return m;
    },
  };
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;

interface Word {
  start: number;
  end: number;
  key: string;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    key: m[0].normalize("NFC").toLowerCase(),
  }));
}

/**
 * Whether an English term is in the words in an inflected form: each word of the term begins the
 * word at its place and adds at most three letters ("budget" in "budgets", "sign" in "signed").
 * Only for English: Vietnamese does not inflect, so its terms must be as written.
 */
function inflectedIn(term: string, target: readonly Word[]): boolean {
  const want = words(term).map((w) => w.key);
  if (want.length === 0) return false;
  for (let i = 0; i + want.length <= target.length; i++) {
    let ok = true;
    for (let k = 0; ok && k < want.length; k++) {
      const w = target[i + k]!.key;
      const t = want[k]!;
      ok = w === t || (w.startsWith(t) && w.length - t.length <= 3 && t.length >= 3);
    }
    if (ok) return true;
  }
  return false;
}

/** A target term's kind for QA: forbidden, or one a translator may use. */
const allowed = (t: GlossaryTerm) => t.status !== "forbidden";

/**
 * Forbidden terms (error): a term the glossary marks forbidden in the target's language appears in
 * it (as written, case-folded, or as one of its variants), whatever the source says; the finding
 * names it and what to use instead (`term.forbidden`), or only it when its concept has nothing
 * else in that language (`term.forbidden-plain`).
 */
export const checkForbiddenTerms: CellCheck = (input, context) => {
  const g = context.glossary;
  if (!g || input.target.trim() === "") return [];
  const out: QaFinding[] = [];
  for (const hit of g.target(input.lang).find(input.target)) {
    if (hit.term.status !== "forbidden") continue;
    const instead = g
      .termsOf(hit.conceptId, input.lang)
      .filter(allowed)
      .map((t) => t.text);
    out.push({
      check: "forbidden-terms",
      code: instead.length > 0 ? "term.forbidden" : "term.forbidden-plain",
      severity: "error",
      params:
        instead.length > 0 ? { term: hit.text, use: instead.join(" / ") } : { term: hit.text },
      range: { start: hit.start, end: hit.end },
    });
  }
  return out;
};

/**
 * Glossary terms not used (`term.missing`, warning): a term found in the source whose concept has
 * a translation in the target's language that may be used, and none of them is in the target (as
 * written or as a variant; in English also inflected). A concept with only forbidden translations
 * in that language asks nothing; a source term itself forbidden is not followed.
 */
export const checkTermsUsed: CellCheck = (input, context) => {
  const g = context.glossary;
  if (!g || input.target.trim() === "") return [];
  const hits = g.source.find(input.source);
  if (hits.length === 0) return [];
  const used = new Set(
    g
      .target(input.lang)
      .find(input.target)
      .filter((h) => allowed(h.term))
      .map((h) => h.conceptId),
  );
  const targetWords = input.lang === "en" ? words(input.target) : [];
  const out: QaFinding[] = [];
  const reported = new Set<string>();
  for (const hit of hits as TermHit[]) {
    if (hit.term.status === "forbidden" || reported.has(hit.conceptId)) continue;
    const expected = (hit.translations[input.lang] ?? []).filter(allowed);
    if (expected.length === 0 || used.has(hit.conceptId)) continue;
    if (input.lang === "en" && expected.some((t) => inflectedIn(t.text, targetWords))) continue;
    reported.add(hit.conceptId);
    out.push({
      check: "glossary-terms",
      code: "term.missing",
      severity: "warning",
      params: { term: hit.text, expected: expected.map((t) => t.text).join(" / ") },
      sourceRange: { start: hit.start, end: hit.end },
    });
  }
  return out;
};
