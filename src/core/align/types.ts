/** One link of an alignment: 0-based sentence indices on each side (either side may be empty). */
export interface AlignLink {
  source: number[];
  target: number[];
  /** How sure the aligner is about this link, 0..1. */
  confidence: number;
}

/** A link that the search must keep as it is (a link the translator confirmed). */
export interface FixedLink {
  source: number[];
  target: number[];
}

/** The aligner's result: links that cover every sentence exactly once, in monotone order. */
export interface AlignmentPlan {
  links: AlignLink[];
  sourceCount: number;
  targetCount: number;
}

/** A glossary pair: a source term and its target term (matched case- and diacritic-insensitively). */
export interface GlossaryEntry {
  source: string;
  target: string;
}

export interface AlignOptions {
  /** BCP-47-ish language codes ("id", "vi", "en", "de", "fr-CH", ...). */
  sourceLang: string;
  targetLang: string;
  glossary?: readonly GlossaryEntry[];
  /** Paragraph index of each source / target sentence, when known (soft anchors). */
  sourceParagraphs?: readonly number[];
  targetParagraphs?: readonly number[];
  /** Confirmed links the search keeps; only the gaps between them are aligned. */
  fixedLinks?: readonly FixedLink[];
  /** Called with the fraction done (0..1), a few hundred times at most. */
  onProgress?: (fraction: number) => void;
  /** Checked regularly; when it reports aborted, the aligner throws AppError("align.aborted"). */
  signal?: { readonly aborted: boolean };
  /** Optional tuning knobs (mostly for benchmarks and tests). */
  tuning?: Partial<AlignTuning>;
}

export interface AlignTuning {
  /** Weight of the lexical anchor bonus relative to the length cost. */
  lexicalWeight: number;
  /** Cost of a paragraph boundary on one side only. */
  paragraphPenalty: number;
  /** Half-width of the search band in sentences before it is widened (large texts only). */
  band: number;
  /** Texts with at most this many DP cells are searched without a band. */
  fullSearchCells: number;
  /** Learn word pairs from a first pass and use them as extra anchors. */
  learnLexicon: boolean;
}
