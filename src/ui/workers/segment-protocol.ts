import type { Lang } from "../../core/model/languages.ts";
import type { SegmentationRules } from "../../core/segment/rules.ts";
import { segmentParagraph } from "../../core/segment/segment.ts";

/**
 * Segmentation with rules a user supplied (imported SRX, rules typed in Settings) runs in the
 * segment worker with a time limit (`segment-async.ts`): a rule that backtracks without end can
 * no longer freeze the page.
 */
export interface SegmentJobRequest {
  rules: SegmentationRules;
  langs: readonly Lang[];
  paragraphs: readonly string[];
}

/** Per language (in `langs` order), the sentences of each paragraph. */
export type SegmentJobResult = string[][][];

export function runSegmentJob(
  request: SegmentJobRequest,
  onProgress: (fraction: number) => void = () => undefined,
): SegmentJobResult {
  const total = request.langs.length * request.paragraphs.length;
  let done = 0;
  return request.langs.map((lang) =>
    request.paragraphs.map((paragraph) => {
      const sentences = segmentParagraph(paragraph, lang, { rules: request.rules });
      done++;
      onProgress(done / total);
      return sentences;
    }),
  );
}
