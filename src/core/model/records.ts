import type { Lang, TargetLang } from "./languages.ts";
import type { TargetCell } from "../align-edit/types.ts";
import type { CompetingVersion } from "../sync/protocol.ts";

/** Where a document came from: the shipped corpus (with the content hash at import) or the user. */
export type DocumentOrigin =
  | { kind: "corpus"; path: string; hash: string }
  | { kind: "user"; fileName?: string }
  | { kind: "json"; fileName?: string };

export interface DocumentRecord {
  id: string;
  title: string;
  sourceLang: Lang;
  origin: DocumentOrigin;
  segmentCount: number;
  createdAt: string;
  updatedAt: string;
  /** The team project the document is shared into (absent: a local document). */
  projectId?: string;
  /** When it was shared (ISO 8601). */
  sharedAt?: string;
}

export interface SegmentRecord {
  id: string;
  docId: string;
  /** Fractional order key: sorts as a string; an insert never renumbers the other rows. */
  order: string;
  /** 0-based paragraph index within the document. */
  paragraph: number;
  source: string;
}

/**
 * A stored target cell (core/align-edit/types.ts: the column model): its rows follow from the column
 * order and spans, never from `segmentId`, which only records the row the cell was made for (cells
 * typed into a row, migrated from v4 or created by a row edit keep the id `${segmentId}:${lang}`;
 * aligner, split and insert cells get fresh ids).
 */
export interface TranslationRecord extends TargetCell {
  segmentId: string;
  /** Versions that compete with `text` (a sync or import conflict); absent or empty = none. */
  competing?: CompetingVersion[];
  /** The score (%) of the memory match inserted into the cell (Ctrl+1 … Ctrl+9). */
  tmScore?: number;
  /**
   * An alternative translation (issue 15): this row's text differs from the other rows with the
   * same source on purpose, so confirming it fills no repetition and confirming one of them does
   * not fill it.
   */
  alternative?: boolean;
}

export function translationId(segmentId: string, lang: TargetLang): string {
  return `${segmentId}:${lang}`;
}

/** A comment in the thread of one segment and target language. */
export interface CommentRecord {
  id: string;
  docId: string;
  segmentId: string;
  lang: TargetLang;
  author: string;
  at: string;
  text: string;
  /** 1 while the thread is open; resolving a thread sets it to 0 on every comment of the thread. */
  open: 0 | 1;
  resolvedBy?: string;
  resolvedAt?: string;
}
