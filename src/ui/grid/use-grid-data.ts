import { useMemo, useRef } from "react";
import { useComments, useDocument, useSegmentsProgressive, useCells } from "../../db/hooks.ts";
import { rowView, withCellsReplaced, type RowView } from "../../core/align-edit/row-view.ts";
import { translationId, type TranslationRecord } from "../../core/model/records.ts";
import { TARGET_LANGS } from "../../core/model/languages.ts";
import {
  filterRows,
  isFilterActive,
  type FilterRow,
  type SegmentFilter,
} from "../../core/review/filter.ts";
import { isAppError, type ErrorInfo } from "../../core/model/app-error.ts";
import { withPinnedRow } from "./grid-model.ts";

type View = RowView<TranslationRecord>;

/**
 * Live document data for the grid, and the rows a filter keeps (a bad regex is reported, not thrown).
 * `pinnedId` is the row being edited: it stays in the view while it has focus, even when an edit
 * takes it out of the filter (the view refreshes once focus leaves it).
 */
export function useGridData(docId: string, filter: SegmentFilter, pinnedId: string | null = null) {
  const doc = useDocument(docId);
  const { segments, complete } = useSegmentsProgressive(docId);
  const cells = useCells(docId);
  const comments = useComments(docId);
  // The columns laid over the rows: the cell shown in each row (`translations`, keyed like the
  // rows), the cells covering rows, span-0 cells and confidences for the alignment view.
  // A save replaces a cell in place (useCells keeps the others' identity and positions): the view
  // is then patched (withCellsReplaced) instead of laying 20,000 cells out again on every save.
  const last = useRef<{
    segments: unknown;
    cells: readonly TranslationRecord[];
    view: View;
  } | null>(null);
  const view = useMemo(() => {
    if (!segments || !cells) return undefined;
    const rowIds = segments.map((s) => s.id);
    const prev = last.current;
    let next: View | null = null;
    if (prev && prev.segments === segments && prev.cells.length === cells.length) {
      const replaced: TranslationRecord[] = [];
      let same = true;
      for (let i = 0; i < cells.length && same; i++) {
        const c = cells[i]!;
        if (c === prev.cells[i]) continue;
        if (c.id !== prev.cells[i]!.id) same = false;
        else replaced.push(c);
      }
      if (same)
        next = replaced.length === 0 ? prev.view : withCellsReplaced(prev.view, rowIds, replaced);
    }
    next ??= rowView(rowIds, cells);
    last.current = { segments, cells, view: next };
    return next;
  }, [segments, cells]);
  const translations = view?.starts;

  const active = isFilterActive(filter);
  const all = useMemo(() => (segments ? segments.map((_, i) => i) : []), [segments]);
  const filtered = useMemo((): { visible: number[]; error: ErrorInfo | null } => {
    if (!segments || !view || !comments) return { visible: [], error: null };
    // Without a filter every row is shown: no per-row work on each edit of a 10,000-row document.
    if (!active) return { visible: all, error: null };
    const rows: FilterRow[] = segments.map((s) => {
      const targets: FilterRow["targets"] = {};
      let open = false;
      for (const lang of TARGET_LANGS) {
        const key = translationId(s.id, lang);
        // A row covered by a cell from above (a 2-1 link) matches with that cell's text and status.
        const t = view.covering.get(key);
        if (t)
          targets[lang] = {
            text: t.text,
            status: t.status,
            changedAt: t.changedAt,
            conflict: (t.competing?.length ?? 0) > 0,
          };
        if (comments.get(key)?.some((c) => c.open === 1)) open = true;
      }
      return { source: s.source, targets, hasOpenComments: open };
    });
    try {
      return { visible: filterRows(rows, filter), error: null };
    } catch (err) {
      if (isAppError(err)) return { visible: rows.map((_, i) => i), error: err.toInfo() };
      throw err;
    }
  }, [segments, view, comments, filter, active, all]);
  const pinned = useMemo(
    () => (active && pinnedId && segments ? segments.findIndex((s) => s.id === pinnedId) : -1),
    [active, pinnedId, segments],
  );
  const visible = useMemo(
    () => withPinnedRow(filtered.visible, pinned),
    [filtered.visible, pinned],
  );

  return {
    doc,
    segments,
    complete,
    translations,
    view,
    comments,
    visible,
    error: filtered.error,
  };
}
