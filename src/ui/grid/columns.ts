import { createColumnHelper } from "@tanstack/react-table";
import type { SegmentRecord } from "../../core/model/records.ts";
import type { TargetLang } from "../../core/model/languages.ts";

export interface GridRow {
  /** 0-based index of the segment in the document (its number is index + 1). */
  index: number;
  segment: SegmentRecord;
  /** First row of a paragraph (paragraph boundaries stay visible). */
  paragraphStart: boolean;
}

export const COLUMN_IDS = ["number", "source", "vi", "en"] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

const helper = createColumnHelper<GridRow>();

/** Column model: number, source, one column per target language of the document. */
export function gridColumns(langs: readonly TargetLang[]) {
  return [
    helper.accessor((r) => r.index + 1, { id: "number", size: 64 }),
    helper.accessor((r) => r.segment.source, { id: "source", size: 400 }),
    ...langs.map((lang) => helper.display({ id: lang, size: 400 })),
  ];
}

/** The rows to show: the visible segment indices (all, or a filter's result), in document order. */
export function toGridRows(
  segments: readonly SegmentRecord[],
  visible: readonly number[],
): GridRow[] {
  return visible.flatMap((index) => {
    const segment = segments[index];
    if (!segment) return [];
    return [
      {
        index,
        segment,
        paragraphStart: index === 0 || segments[index - 1]?.paragraph !== segment.paragraph,
      },
    ];
  });
}
