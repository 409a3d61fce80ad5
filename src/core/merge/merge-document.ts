import type { BundleComment, BundleDocument } from "../model/bundle.ts";
import { TARGET_LANGS, type TargetLang } from "../model/languages.ts";
import { mergeCell, type CellMerge, type KnownState, type LocalCellState } from "./merge-cell.ts";

/** The local side of a document, as the merge sees it (src/db reads it; the core stays pure). */
export interface LocalDocument {
  /** Source rows in order. */
  rows: readonly { id: string; source: string }[];
  /**
   * The one-row cell starting at a row (null: none yet, past the end of the column), or "covered"
   * when the row is part of a cell over several rows or a row the aligner left without a link
   * start: such rows are not merged cell by cell.
   */
  cell: (rowId: string, lang: TargetLang) => LocalCellState | null | "covered";
  /** Every text and status the cell has held (its revision log). */
  known: (rowId: string, lang: TargetLang) => readonly KnownState[];
  /** The local comment threads of a row and language. */
  comments: (rowId: string, lang: TargetLang) => readonly BundleComment[];
}

export interface CellChange {
  rowId: string;
  lang: TargetLang;
  merge: Exclude<CellMerge, { kind: "same" } | { kind: "keep" }>;
}

export interface CommentChange {
  rowId: string;
  lang: TargetLang;
  /** The comment as it will be stored; `isNew`: not yet local (by id). */
  comment: BundleComment;
  isNew: boolean;
}

export interface DocumentMerge {
  cells: CellChange[];
  comments: CommentChange[];
  /** Cells where the local version stayed although the file had another one. */
  kept: number;
  /** File segments with no local row of that id, or whose source text differs from the local row. */
  unmatched: number;
  sourceDiffers: number;
  /** Cells over several rows (aligned text): left as they are. */
  covered: number;
}

/**
 * Comments merged by id (union): a file comment not yet local is added; a local open one the file
 * has resolved is resolved; local text, author and date never change.
 */
export function mergeComments(
  local: readonly BundleComment[],
  file: readonly BundleComment[],
): { comment: BundleComment; isNew: boolean }[] {
  const byId = new Map(local.map((c) => [c.id, c]));
  const out: { comment: BundleComment; isNew: boolean }[] = [];
  const seen = new Set<string>();
  for (const f of file) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    const mine = byId.get(f.id);
    if (!mine) out.push({ comment: f, isNew: true });
    else if (mine.open && !f.open) {
      const resolved: BundleComment = { ...mine, open: false };
      if (f.resolvedBy !== undefined) resolved.resolvedBy = f.resolvedBy;
      if (f.resolvedAt !== undefined) resolved.resolvedAt = f.resolvedAt;
      out.push({ comment: resolved, isNew: false });
    }
  }
  return out;
}

/**
 * Merges an imported file's version of a document into the local one, cell by cell (mergeCell) and
 * comment by comment, matching rows by segment id and source text. Pure: src/db applies the result
 * as one undoable command.
 */
export function mergeDocument(
  file: BundleDocument,
  local: LocalDocument,
  baseline: string | null,
): DocumentMerge {
  const result: DocumentMerge = {
    cells: [],
    comments: [],
    kept: 0,
    unmatched: 0,
    sourceDiffers: 0,
    covered: 0,
  };
  const rows = new Map(local.rows.map((r) => [r.id, r]));
  for (const seg of file.segments) {
    const row = rows.get(seg.id);
    if (!row) {
      result.unmatched++;
      continue;
    }
    if (row.source !== seg.source) {
      result.sourceDiffers++;
      continue;
    }
    for (const lang of TARGET_LANGS) {
      if (lang === file.sourceLang) continue;
      const target = seg.targets[lang];
      if (target && target.text !== "") {
        const cell = local.cell(row.id, lang);
        if (cell === "covered") result.covered++;
        else {
          const merge = mergeCell(cell, target, local.known(row.id, lang), baseline);
          if (merge.kind === "keep") result.kept++;
          else if (merge.kind !== "same") result.cells.push({ rowId: row.id, lang, merge });
        }
      }
      const fileComments = seg.comments?.[lang];
      if (fileComments && fileComments.length > 0) {
        for (const c of mergeComments(local.comments(row.id, lang), fileComments)) {
          result.comments.push({ rowId: row.id, lang, ...c });
        }
      }
    }
  }
  return result;
}
