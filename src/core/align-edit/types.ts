import type { TargetLang } from "../model/languages.ts";
import type { Status } from "../model/status.ts";

/** Where a cell's text came from. */
export type CellOrigin = "typed" | "alignment" | "import";

/**
 * One cell of a document's target column for one language. The column is an ordered list of cells,
 * independent of source segment ids: sorted by `order`, cell k covers the source rows
 * [start_k, start_k + span_k), where start_k is the sum of the spans before it.
 */
export interface TargetCell {
  id: string;
  docId: string;
  lang: TargetLang;
  /** Fractional order key (model/order-key.ts); strictly increasing along the column. */
  order: string;
  /** Source rows covered: 0 (target text with no source, a 0-1 link), 1, 2, 3... */
  span: number;
  text: string;
  status: Status;
  origin: CellOrigin;
  /** The aligner's confidence in the link, 0..1; null when a person made or changed it. */
  confidence: number | null;
  /** A confirmed link: re-aligning keeps it. */
  locked: boolean;
  createdBy: string;
  createdAt: string;
  changedBy: string;
  changedAt: string;
  /**
   * A run of `span` uncovered rows (README: gaps): no text, never shown; each of its rows is
   * implicitly empty, as the rows past the column's end are. Typing into one of them splits the
   * run, so reaching a row far below the column's end stores one cell, not one per row between.
   * Absent on every other cell.
   */
  gap?: true;
}

/** Who edits, when, and how new cell ids are made (the shell passes them; the core stays pure). */
export interface CellEditContext {
  user: string;
  at: string;
  newId: () => string;
}

/** The column a new cell belongs to (for inserting into a column that may be empty). */
export interface ColumnRef {
  docId: string;
  lang: TargetLang;
}
