/** A translation unit of the memory: one source sentence and its translations. */
export interface TmUnit {
  /** The caller's key (a memory unit id, or document id + segment id). */
  id: string;
  source: string;
  /** Translations by language (vi, en, …). */
  targets: Readonly<Record<string, string>>;
  /** Source of the previous and next unit where it came from, for 101 % in-context matches. */
  prev?: string;
  next?: string;
  /** True when the unit comes from the aligner and no human confirmed it. */
  fromAligner?: boolean;
  /** False when the unit's translations are not approved (draft, translated, rejected). */
  approved?: boolean;
  /** Where it came from (file or document, author, date, status), passed through untouched. */
  origin?: Readonly<Record<string, string>>;
}

export interface TmQuery {
  source: string;
  prev?: string;
  next?: string;
}

export type PenaltyKind = "numbers" | "codes" | "aligner" | "unapproved";

export interface Penalty {
  kind: PenaltyKind;
  points: number;
}

export interface TmMatch {
  unit: TmUnit;
  /** Final score: base − penalties (0…101). */
  score: number;
  /** OmegaT's token score before penalties (100 exact, 101 in context). */
  base: number;
  penalties: Penalty[];
  exact: boolean;
  inContext: boolean;
  /**
   * When only numbers differ: the unit's targets with its numbers replaced by the query's, in each
   * target language's notation. `base` is then scored as if the numbers were the same.
   */
  substituted?: Record<string, string>;
}

export interface MatchOptions {
  /** Lowest final score returned (default 50). */
  threshold?: number;
  /** How many matches, best first (default 5). */
  limit?: number;
}

/** Points taken off for each penalty. */
export const PENALTY_POINTS: Readonly<Record<PenaltyKind, number>> = {
  numbers: 2,
  codes: 2,
  aligner: 3,
  unapproved: 1,
};
