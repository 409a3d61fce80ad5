import type { Lang } from "../model/languages.ts";
import { splitParagraphs } from "../text/paragraphs.ts";
import { BUILTIN_RULES } from "./builtin/builtin-rules.ts";
import { compileRules, findBreaks } from "./engine.ts";
import type { SegmentationRules } from "./rules.ts";

export interface SegmentOptions {
  /** Rules to use instead of the built-in ones (for example parsed from an SRX file). */
  rules?: SegmentationRules;
}

/**
 * Sentences of one paragraph, in order; each a trimmed, exact substring of the input; joined with
 * single spaces they give back the paragraph modulo whitespace runs. Never alters text.
 */
export function segmentParagraph(
  paragraph: string,
  lang: Lang,
  options: SegmentOptions = {},
): string[] {
  const compiled = compileRules(options.rules ?? BUILTIN_RULES, lang);
  const sentences: string[] = [];
  let start = 0;
  for (const end of [...findBreaks(paragraph, compiled), paragraph.length]) {
    const sentence = paragraph.slice(start, end).trim();
    if (sentence !== "") sentences.push(sentence);
    start = end;
  }
  return sentences;
}

export interface SegmentedParagraph {
  /** Zero-based index among the non-blank paragraphs of the text. */
  paragraph: number;
  sentences: string[];
}

/** splitParagraphs + segmentParagraph for a whole text. */
export function segmentText(
  text: string,
  lang: Lang,
  options: SegmentOptions = {},
): SegmentedParagraph[] {
  return splitParagraphs(text).map((paragraph, index) => ({
    paragraph: index,
    sentences: segmentParagraph(paragraph, lang, options),
  }));
}
