import type { Lang, TargetLang } from "../model/languages.ts";
import type { Status } from "../model/status.ts";
import type { QaGlossary } from "./glossary-checks.ts";

export type Severity = "error" | "warning" | "info";

/** A part of a text (UTF-16 offsets into the NFC text, end exclusive). */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * One finding of one check on one target. `code` is stable (it names the message: the `qa`
 * namespace key is the code with dots as `_`); `params` fill the message.
 */
export interface QaFinding {
  check: CheckId;
  code: string;
  severity: Severity;
  params: Record<string, string | number>;
  /** What to highlight in the target (absent: the whole cell). */
  range?: TextRange;
  /** What to highlight in the source, when the finding is about a part of it. */
  sourceRange?: TextRange;
}

/** What a check of one cell sees. */
export interface CellInput {
  source: string;
  target: string;
  sourceLang: Lang;
  lang: TargetLang;
  /** The target's status, when known (empty-target and untranslated checks use it). */
  status?: Status;
}

/** Project-level knowledge a cell check may use (the length-ratio check's typical ratio). */
export interface CellContext {
  /** Typical target/source length ratio of the document for this language (median), if known. */
  typicalRatio?: number;
  /** The project glossary, for the forbidden-term and term-used checks (absent: they find nothing). */
  glossary?: QaGlossary;
}

export const CHECK_IDS = [
  "numbers",
  "inline-codes",
  "urls",
  "untranslated",
  "empty",
  "end-punctuation",
  "spaces",
  "brackets",
  "repeated-words",
  "length-ratio",
  "cross-target",
  "consistency",
  "forbidden-terms",
  "glossary-terms",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}

export type CellCheck = (input: CellInput, context: CellContext) => QaFinding[];
