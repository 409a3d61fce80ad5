import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type Ref,
} from "react";
import { useTranslation } from "react-i18next";
import { getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { SegmentRecord, TranslationRecord } from "../../core/model/records.ts";
import { translationId } from "../../core/model/records.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { Role } from "../../core/model/profile.ts";
import type { CommentRecord } from "../../core/model/records.ts";
import { gridColumns, toGridRows, type ColumnId } from "./columns.ts";
import {
  NO_ALIGNMENT,
  TargetCell,
  type CellAlignment,
  type CellRef,
  type CellTool,
} from "./cells/target-cell.tsx";
import { confidenceOf, type RowView } from "../../core/align-edit/row-view.ts";
import { isSuspicious, SUSPICIOUS_BELOW, type RowLayout } from "../../core/align-edit/layout.ts";
import { FindSourceText } from "./find-highlight.tsx";
import { cellCommandFor, type CellCommand } from "./grid-keyboard.ts";
import { leaveContainer, SkipToGrid } from "./grid-focus.tsx";
import { loadGridPosition, saveGridPosition } from "./grid-position.ts";

export interface GridHandle {
  /**
   * Scrolls to a visible row and focuses its target cell: its field ("edit", the default) or the
   * grid cell itself ("navigate": cell navigation, where the arrow keys move between cells).
   */
  focusCell: (row: number, lang: TargetLang, mode?: "edit" | "navigate") => void;
}

interface AlignmentGridProps {
  /** The document: its reading position (focused cell, first row in view) is kept per document. */
  docId: string;
  segments: readonly SegmentRecord[];
  /** Rows of the whole document (segments may still be its first rows while loading). */
  totalRows: number;
  visible: readonly number[];
  translations: ReadonlyMap<string, TranslationRecord>;
  /** The columns laid over the rows (spans, 0-1 cells, confidences). */
  view: RowView<TranslationRecord>;
  comments: ReadonlyMap<string, CommentRecord[]>;
  sourceLang: string;
  /** The target columns shown (every target language but the source's). */
  langs: readonly TargetLang[];
  user: string;
  role: Role;
  onCommand: (command: CellCommand, cell: CellRef, text: string, caret?: number) => void;
  onFocusCell: (cell: CellRef, tool: CellTool) => void;
  onRowAction: (action: "split" | "merge", index: number) => void;
  handle: Ref<GridHandle>;
}

const ROW_ESTIMATE = 76;
/** No row is lower than this (one line of text and the status line). */
const ROW_MIN = 48;

/**
 * The segment grid: ARIA grid semantics, rows virtualized (only the visible ones are in the DOM, each
 * with aria-rowindex), columns from the table model.
 */
export const AlignmentGrid = memo(function AlignmentGrid(props: AlignmentGridProps) {
  const {
    docId,
    segments,
    totalRows,
    visible,
    translations,
    view,
    comments,
    sourceLang,
    langs,
    user,
    role,
    onCommand,
    onFocusCell,
    onRowAction,
    handle,
  } = props;
  const { t } = useTranslation(["grid", "common", "a11y"]);
  const rows = useMemo(() => toGridRows(segments, visible), [segments, visible]);
  const columns = useMemo(() => gridColumns(langs), [langs]);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The saved reading position was applied (or there was none): from then on it is kept. */
  const restored = useRef(false);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    getItemKey: (i) => rows[i]?.segment.id ?? i,
  });
  // The table model covers only the rows in view: a 10,000-row document builds ~20 row models.
  const items = virtualizer.getVirtualItems();
  const windowKey = items.map((i) => i.index).join(",");
  const windowRows = useMemo(
    () => windowKey.split(",").flatMap((i) => (i === "" ? [] : (rows[Number(i)] ?? []))),
    [rows, windowKey],
  );
  const table = useReactTable({
    data: windowRows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    // Cells keyed by segment, not by place in the window: a row leaving the view above must not
    // remount (and so unfocus) the cells below it.
    getRowId: (row) => row.segment.id,
  });

  const gridRef = useRef<HTMLDivElement>(null);
  const focusCell = useCallback(
    (row: number, lang: TargetLang, mode: "edit" | "navigate" = "edit", scroll = true) => {
      const index = rows[row]?.index;
      if (index === undefined) return;
      if (scroll) virtualizer.scrollToIndex(row, { align: "auto" });
      // The row may render a few frames later; if the user moves focus meanwhile, theirs wins (focus
      // dropped to the page, as when a closing panel took it along, is nobody's choice).
      const startedOn = document.activeElement;
      let tries = 0;
      const attempt = () => {
        const now = document.activeElement;
        if (now !== startedOn && now !== null && now !== document.body) return;
        const field = scrollRef.current?.querySelector<HTMLElement>(
          `[data-testid="target-${lang}-${index}"]`,
        );
        const el = mode === "navigate" ? field?.closest<HTMLElement>('[role="gridcell"]') : field;
        if (el) el.focus({ preventScroll: true });
        else if (tries++ < 30) requestAnimationFrame(attempt);
      };
      // A row in the DOM takes focus at once (the next key goes there); others once rendered.
      attempt();
    },
    [virtualizer, rows],
  );
  useImperativeHandle(handle, () => ({ focusCell }), [focusCell]);

  // Roving tabindex (WAI-ARIA grid): the grid is one Tab stop, the cell that last had focus.
  const [tabStop, setTabStop] = useState<{ segmentId: string; lang: TargetLang } | null>(null);
  const onFocusIn = (e: FocusEvent<HTMLElement>) => {
    const gridCell = (e.target as HTMLElement).closest<HTMLElement>("[data-cell-lang]");
    const segmentId = gridCell?.closest<HTMLElement>("[data-segment-id]")?.dataset["segmentId"];
    const lang = gridCell?.dataset["cellLang"] as TargetLang | undefined;
    if (segmentId && lang && (tabStop?.segmentId !== segmentId || tabStop.lang !== lang)) {
      setTabStop({ segmentId, lang });
      if (restored.current) saveGridPosition(docId, { segmentId, lang });
    }
  };
  const leave = useCallback((direction: 1 | -1) => {
    if (gridRef.current) leaveContainer(gridRef.current, direction);
  }, []);
  // Tab on the last cell and Shift+Tab on the first leave the grid (between them they move by cell).
  const lastRow = rows.length - 1;
  const firstLang = langs[0];
  const lastLang = langs[langs.length - 1];
  const onCellCommand = useCallback(
    (command: CellCommand, cell: CellRef, text: string, caret?: number) => {
      if (command === "nextCell" && cell.row >= lastRow && cell.lang === lastLang) leave(1);
      else if (command === "prevCell" && cell.row <= 0 && cell.lang === firstLang) leave(-1);
      else onCommand(command, cell, text, caret);
    },
    [onCommand, leave, lastRow, firstLang, lastLang],
  );
  // Cell navigation: keys on a focused grid cell (after Esc in its field, or arrows from another).
  const onGridKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const gridCell = e.target as HTMLElement;
    if (!gridCell.matches("[data-cell-lang]")) return;
    const lang = gridCell.dataset["cellLang"] as TargetLang;
    const row = Number(gridCell.dataset["cellRow"]);
    const col = langs.indexOf(lang);
    const mod = e.ctrlKey || e.metaKey;
    const field = gridCell.querySelector<HTMLElement>(`[data-testid^="target-"]`);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_ESTIMATE));
    const go = (r: number, c: number) => {
      e.preventDefault();
      const target = langs[Math.min(langs.length - 1, Math.max(0, c))];
      if (target) focusCell(Math.min(lastRow, Math.max(0, r)), target, "navigate");
    };
    if (!mod && !e.altKey) {
      switch (e.key) {
        case "ArrowDown":
          return go(row + 1, col);
        case "ArrowUp":
          return go(row - 1, col);
        case "ArrowRight":
          return go(row, col + 1);
        case "ArrowLeft":
          return go(row, col - 1);
        case "PageDown":
          return go(row + page, col);
        case "PageUp":
          return go(row - page, col);
        case "Home":
          return go(row, 0);
        case "End":
          return go(row, langs.length - 1);
        case "Tab":
          e.preventDefault();
          return leave(e.shiftKey ? -1 : 1);
        case "Escape":
          e.preventDefault();
          return leave(-1);
        case "Enter":
        case "F2":
          e.preventDefault();
          field?.focus();
          if (field instanceof HTMLTextAreaElement) {
            field.setSelectionRange(field.value.length, field.value.length);
          }
          return;
        default:
          break;
      }
    }
    if (mod && !e.altKey && !e.shiftKey && (e.key === "Home" || e.key === "End")) {
      return go(e.key === "Home" ? 0 : lastRow, e.key === "Home" ? 0 : langs.length - 1);
    }
    // Every CAT key works here as in the field: the field takes the key.
    const key = {
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      altGraph: e.getModifierState("AltGraph"),
    };
    if (field && cellCommandFor(key, role)) {
      e.preventDefault();
      field.focus();
      field.dispatchEvent(
        new globalThis.KeyboardEvent("keydown", { ...key, bubbles: true, cancelable: true }),
      );
      return;
    }
    // A character typed on a cell starts editing it: focus moves to its field before the key's text
    // is inserted, so the character lands at the end of the text.
    if (field instanceof HTMLTextAreaElement && e.key.length === 1 && !mod && !e.altKey) {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
  };

  // The document reopens where it was left (issue 13 item 17): the first row in view and the
  // focused cell, once their rows are loaded (a large document arrives in parts); else row 1.
  const loaded = segments.length >= totalRows;
  // A key or a pointer press outside the grid before the restore: the focus is the user's from
  // then on, even once it has left the page (Shift+Tab past the skip link leaves it on body).
  const actedOutside = useRef(false);
  useEffect(() => {
    const acted = (e: Event) => {
      if (!(e.target instanceof Node) || !scrollRef.current?.contains(e.target)) {
        actedOutside.current = true;
      }
    };
    document.addEventListener("keydown", acted, true);
    document.addEventListener("pointerdown", acted, true);
    return () => {
      document.removeEventListener("keydown", acted, true);
      document.removeEventListener("pointerdown", acted, true);
    };
  }, []);
  useEffect(() => {
    if (restored.current || rows.length === 0 || !langs[0]) return;
    const saved = loadGridPosition(docId);
    const rowOf = (id: string | null) => (id ? rows.findIndex((r) => r.segment.id === id) : -1);
    const focusRow = rowOf(saved?.segmentId ?? null);
    const topRow = rowOf(saved?.top ?? null);
    if (saved && (saved.segmentId || saved.top) && focusRow < 0 && topRow < 0 && !loaded) return;
    restored.current = true;
    const lang = saved?.lang && langs.includes(saved.lang) ? saved.lang : langs[0];
    // Focus is the user's once they put it somewhere (a Tab into the header, a field, a dialog)
    // while the rows were loading: the view is restored, the focus left where they put it.
    const active = document.activeElement;
    const inGrid = active instanceof Node && scrollRef.current?.contains(active) === true;
    const theirs =
      !inGrid &&
      (actedOutside.current || (active instanceof HTMLElement && active !== document.body));
    if (topRow < 0) {
      if (!theirs) focusCell(Math.max(0, focusRow), lang);
      return;
    }
    virtualizer.scrollToIndex(topRow, { align: "start" });
    if (theirs) return;
    // The focused cell again when it was still in view; else the first row in view (the user
    // scrolled away from it), so the view stays where it was.
    const rowsInView = Math.ceil((scrollRef.current?.clientHeight ?? 0) / ROW_MIN);
    const near = focusRow >= topRow && focusRow <= topRow + rowsInView;
    const target = near ? focusRow : topRow;
    // Focus without scrolling: the virtualizer is still bringing the first row to the top as the
    // rows render and are measured (a few frames, more on a busy machine); a scroll of our own now
    // would start from a view that is not there yet and leave it rows away.
    focusCell(target, lang, "edit", false);
    if (!near) return;
    // Once the view has stopped moving: a focused cell cut by the edge scrolls into view, no
    // further; a cell the user moved to meanwhile is theirs.
    const index = rows[target]?.index;
    let last = Number.NaN;
    let stable = 0;
    let frames = 0;
    const settle = () => {
      const scroller = scrollRef.current;
      if (!scroller) return;
      const offset = scroller.scrollTop;
      stable = Math.abs(offset - last) < 1 ? stable + 1 : 0;
      last = offset;
      if (stable < 3 && frames++ < 120) return void requestAnimationFrame(settle);
      const field = document.activeElement;
      if (
        !(field instanceof HTMLElement) ||
        field.dataset["testid"] !== `target-${lang}-${index}`
      ) {
        return;
      }
      const box = field.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      if (box.top < view.top || box.bottom > view.bottom) {
        virtualizer.scrollToIndex(target, { align: "auto" });
      }
    };
    requestAnimationFrame(settle);
  }, [rows, langs, loaded, docId, virtualizer, focusCell]);
  // The first row in view, kept as the user scrolls (one write per frame at most).
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const onScroll = () => {
      if (frame || !restored.current) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const offset = el.scrollTop;
        const first = virtualizer.getVirtualItems().find((i) => i.end > offset + 1);
        const id = first ? rows[first.index]?.segment.id : undefined;
        if (id) saveGridPosition(docId, { top: id });
      });
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      el.removeEventListener("scroll", onScroll);
      cancelAnimationFrame(frame);
    };
  }, [docId, rows, virtualizer]);

  const headerLabel = (id: ColumnId) =>
    id === "number"
      ? t("grid:number")
      : id === "source"
        ? t("grid:source", { lang: t(`common:lang.${sourceLang}` as "common:lang.id") })
        : t(`common:lang.${id}`);

  const tableRows = table.getRowModel().rows;
  // The Tab stop: the last focused cell while it is rendered, else the first cell in view.
  const stop =
    tabStop && tableRows.some((r) => r.original.segment.id === tabStop.segmentId)
      ? tabStop
      : tableRows[0] && langs[0]
        ? { segmentId: tableRows[0].original.segment.id, lang: langs[0] }
        : null;
  const skipToGrid = () => {
    const row = stop ? rows.findIndex((r) => r.segment.id === stop.segmentId) : 0;
    const lang = stop?.lang ?? langs[0];
    if (lang) focusCell(Math.max(0, row), lang);
  };
  return (
    <div
      className="grid"
      role="grid"
      ref={gridRef}
      aria-describedby="grid-help"
      onFocus={onFocusIn}
      onKeyDown={onGridKeyDown}
      aria-rowcount={Math.max(totalRows, segments.length) + 1}
      aria-colcount={columns.length}
      style={{ "--target-cols": langs.length } as CSSProperties}
      aria-label={t("grid:label")}
    >
      <SkipToGrid onSkip={skipToGrid} />
      <p id="grid-help" className="visually-hidden">
        {t("a11y:gridHelp")}
      </p>
      {table.getHeaderGroups().map((group) => (
        <div className="grid-row grid-header" role="row" aria-rowindex={1} key={group.id}>
          {group.headers.map((header) => (
            <div
              role="columnheader"
              className={`grid-cell col-${header.column.id}`}
              key={header.id}
            >
              {headerLabel(header.column.id as ColumnId)}
            </div>
          ))}
        </div>
      ))}
      <div className="grid-scroll" ref={scrollRef} data-testid="grid-scroll">
        {rows.length === 0 && <p className="empty-state grid-empty">{t("grid:noMatches")}</p>}
        <div className="grid-body" style={{ height: virtualizer.getTotalSize() }} role="rowgroup">
          {items.map((item, position) => {
            const row = tableRows[position];
            if (!row) return null;
            const { segment, index, paragraphStart } = row.original;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="row"
                aria-rowindex={index + 2}
                data-segment-id={segment.id}
                data-paragraph={segment.paragraph}
                className={`grid-row${paragraphStart ? " paragraph-start" : ""}`}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.getVisibleCells().map((cell) => {
                  const id = cell.column.id as ColumnId;
                  if (id === "number") {
                    return (
                      <div role="rowheader" className="grid-cell col-number" key={cell.id}>
                        <span className="seg-number">{index + 1}</span>
                        <span className="row-actions">
                          <button
                            type="button"
                            className="mini"
                            tabIndex={-1}
                            data-testid={`split-${index}`}
                            aria-label={t("grid:rowSplit", { n: index + 1 })}
                            title={t("grid:rowSplit", { n: index + 1 })}
                            onClick={() => onRowAction("split", index)}
                          >
                            ✂
                          </button>
                          {index < segments.length - 1 && (
                            <button
                              type="button"
                              className="mini"
                              tabIndex={-1}
                              data-testid={`merge-${index}`}
                              aria-label={t("grid:rowMerge", { n: index + 1 })}
                              title={t("grid:rowMerge", { n: index + 1 })}
                              onClick={() => onRowAction("merge", index)}
                            >
                              ⤓
                            </button>
                          )}
                        </span>
                        {paragraphStart && (
                          <span
                            className="para-mark"
                            title={t("grid:paragraph", { n: segment.paragraph + 1 })}
                          >
                            ¶{segment.paragraph + 1}
                          </span>
                        )}
                      </div>
                    );
                  }
                  if (id === "source") {
                    return (
                      <div
                        role="gridcell"
                        className="grid-cell col-source"
                        key={cell.id}
                        lang={sourceLang}
                      >
                        <span data-testid={`source-${index}`}>
                          <FindSourceText
                            text={String(cell.getValue())}
                            sourceLang={sourceLang}
                            segmentId={segment.id}
                          />
                        </span>
                      </div>
                    );
                  }
                  const lang = id as TargetLang;
                  const key = translationId(segment.id, lang);
                  const tr = translations.get(key);
                  const thread = comments.get(key) ?? [];
                  const alignment = alignmentOf(view, lang, index);
                  return (
                    <div
                      role="gridcell"
                      className={`grid-cell col-${lang}`}
                      key={cell.id}
                      tabIndex={-1}
                      data-cell-lang={lang}
                      data-cell-row={item.index}
                      aria-rowspan={alignment.span > 1 ? alignment.span : undefined}
                    >
                      <TargetCell
                        row={item.index}
                        index={index}
                        segmentId={segment.id}
                        lang={lang}
                        cellId={tr?.id}
                        alignment={alignment}
                        source={segment.source}
                        text={tr?.text ?? ""}
                        status={tr?.status ?? "empty"}
                        user={user}
                        role={role}
                        openComments={thread.filter((c) => c.open === 1).length}
                        totalComments={thread.length}
                        conflicts={tr?.competing?.length ?? 0}
                        onCommand={onCellCommand}
                        onFocusCell={onFocusCell}
                        tabStop={stop?.segmentId === segment.id && stop.lang === lang}
                      />
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});

/** Computed once per laid-out row: a new view lays out new rows, so a stale entry is never read. */
const alignments = new WeakMap<RowLayout<TranslationRecord>, CellAlignment>();

/** A row's target as the alignment view sees it (the same object while the view is, so cells memo). */
function alignmentOf(
  view: RowView<TranslationRecord>,
  lang: TargetLang,
  row: number,
): CellAlignment {
  const laid = view.layouts[lang]?.rows[row];
  if (!laid?.cell) return NO_ALIGNMENT;
  const known = alignments.get(laid);
  if (known) return known;
  const { cell, starts, under } = laid;
  const confidence = starts ? confidenceOf(view, cell) : null;
  let alignment = NO_ALIGNMENT;
  if (cell.span !== 1 || under.length > 0 || confidence !== null || cell.locked) {
    let coveredFrom = 0;
    if (!starts) {
      const rows = view.layouts[lang]!.rows;
      while (row - coveredFrom > 0 && rows[row - coveredFrom]?.starts === false) coveredFrom++;
    }
    alignment = {
      span: cell.span,
      coveredFrom,
      under,
      confidence,
      suspicious: confidence !== null && isSuspicious(cell, SUSPICIOUS_BELOW),
      locked: cell.locked,
    };
  }
  alignments.set(laid, alignment);
  return alignment;
}
