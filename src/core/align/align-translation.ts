import { AppError } from "../model/app-error.ts";
import type { Lang, TargetLang } from "../model/languages.ts";
import { effectiveRules, type CustomSegmentation } from "../segment/custom-rules.ts";
import { segmentText } from "../segment/segment.ts";
import { alignSentences } from "./align-sentences.ts";
import { realignBetween } from "./align-sentences.ts";
import type { AlignmentPlan, FixedLink } from "./types.ts";

/** One source row of the document, in order: its text and 0-based paragraph index. */
export interface SourceSentence {
  text: string;
  paragraph: number;
}

/** What the align dialog asks for: the document's source rows and a whole translation as text. */
export interface AlignTranslationRequest {
  source: readonly SourceSentence[];
  /** The document's source language (the aligner's anchors read numbers and dates by language). */
  sourceLang: Lang;
  /** The translation as pasted or read from a file: one paragraph per line, not pre-split. */
  targetText: string;
  targetLang: TargetLang;
  /** The project's segmentation settings; the target is split with `targetLang`'s rules. */
  segmentation: CustomSegmentation;
}

/**
 * The aligner's plan and the target sentences it numbers: exactly the arguments
 * `cellsFromAlignment(plan, targetSentences, source.length, ctx)` takes.
 */
export interface AlignTranslationResult {
  plan: AlignmentPlan;
  targetSentences: string[];
  /** Paragraph index of each target sentence. */
  targetParagraphs: number[];
}

export interface AlignHooks {
  onProgress?: (fraction: number) => void;
  signal?: { readonly aborted: boolean };
}

/** Sentences of a text with the project's rules for `lang`, each with its paragraph index. */
export function segmentTranslation(
  text: string,
  lang: Lang,
  segmentation: CustomSegmentation,
): { sentences: string[]; paragraphs: number[] } {
  const sentences: string[] = [];
  const paragraphs: number[] = [];
  const rules = effectiveRules(segmentation);
  for (const p of segmentText(text, lang, { rules })) {
    for (const sentence of p.sentences) {
      sentences.push(sentence);
      paragraphs.push(p.paragraph);
    }
  }
  return { sentences, paragraphs };
}

/**
 * Segments the translation (NFC, the project's rules for its language) and aligns it to the source
 * rows, with paragraphs as soft anchors. What the align worker runs. Throws AppError
 * "align.no-source" (no source rows), "align.no-target-text" (no sentence in the text) or
 * "align.aborted" (hooks.signal aborted).
 */
export function alignTranslation(
  request: AlignTranslationRequest,
  hooks: AlignHooks = {},
): AlignTranslationResult {
  if (request.source.length === 0) throw new AppError("align.no-source");
  const { sentences, paragraphs } = segmentTranslation(
    request.targetText.normalize("NFC"),
    request.targetLang,
    request.segmentation,
  );
  if (sentences.length === 0) throw new AppError("align.no-target-text");
  if (hooks.signal?.aborted) throw new AppError("align.aborted");
  const plan = alignSentences(
    request.source.map((s) => s.text),
    sentences,
    {
      sourceLang: request.sourceLang,
      targetLang: request.targetLang,
      sourceParagraphs: request.source.map((s) => s.paragraph),
      targetParagraphs: paragraphs,
      onProgress: hooks.onProgress,
      signal: hooks.signal,
    },
  );
  return { plan, targetSentences: sentences, targetParagraphs: paragraphs };
}

/** Re-aligning a column between its confirmed links (align-edit/realign.ts prepares the request). */
export interface RealignJob {
  source: readonly SourceSentence[];
  sourceLang: Lang;
  targetLang: TargetLang;
  /** Every cell's text split into sentences, in column order. */
  targetSentences: readonly string[];
  /** The confirmed cells as fixed links; only the gaps between them are aligned. */
  fixedLinks: readonly FixedLink[];
}

/** What the align worker runs for "Re-align unconfirmed": the plan over the whole column. */
export function realignTranslation(job: RealignJob, hooks: AlignHooks = {}): AlignmentPlan {
  return realignBetween(
    job.source.map((s) => s.text),
    job.targetSentences,
    job.fixedLinks,
    {
      sourceLang: job.sourceLang,
      targetLang: job.targetLang,
      sourceParagraphs: job.source.map((s) => s.paragraph),
      onProgress: hooks.onProgress,
      signal: hooks.signal,
    },
  );
}
