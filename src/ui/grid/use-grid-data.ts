import { useMemo } from "react";
import { useComments, useDocument, useSegmentsProgressive, useCells } from "../../db/hooks.ts";
import { rowView } from "../../core/align-edit/row-view.ts";
import { translationId } from "../../core/model/records.ts";
import { TARGET_LANGS } from "../../core/model/languages.ts";
import {
  filterRows,
  isFilterActive,
  type FilterRow,
  type SegmentFilter,
} from "../../core/review/filter.ts";
import { isAppError, type ErrorInfo } from "../../core/model/app-error.ts";
import { withPinnedRow } from "./grid-model.ts";

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
  const view = useMemo(
    () =>
      segments && cells
        ? rowView(
            segments.map((s) => s.id),
            cells,
          )
        : undefined,
    [segments, cells],
  );
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
