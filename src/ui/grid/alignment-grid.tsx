import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  type CSSProperties,
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
import { SourceText } from "./cells/source-text.tsx";
import type { CellCommand } from "./grid-keyboard.ts";

export interface GridHandle {
  /** Scrolls to a visible row and focuses its target cell. */
  focusCell: (row: number, lang: TargetLang) => void;
}

interface AlignmentGridProps {
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

/**
 * The segment grid: ARIA grid semantics, rows virtualized (only the visible ones are in the DOM, each
 * with aria-rowindex), columns from the table model.
 */
export const AlignmentGrid = memo(function AlignmentGrid(props: AlignmentGridProps) {
  const {
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
  const { t } = useTranslation(["grid", "common"]);
  const rows = useMemo(() => toGridRows(segments, visible), [segments, visible]);
  const columns = useMemo(() => gridColumns(langs), [langs]);
  const scrollRef = useRef<HTMLDivElement>(null);
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

  const focusCell = useCallback(
    (row: number, lang: TargetLang) => {
      const index = rows[row]?.index;
      if (index === undefined) return;
      virtualizer.scrollToIndex(row, { align: "auto" });
      // The row may render a few frames later; if the user moves focus meanwhile, theirs wins (focus
      // dropped to the page, as when a closing panel took it along, is nobody's choice).
      const startedOn = document.activeElement;
      let tries = 0;
      const attempt = () => {
        const now = document.activeElement;
        if (now !== startedOn && now !== null && now !== document.body) return;
        const el = scrollRef.current?.querySelector<HTMLTextAreaElement>(
          `[data-testid="target-${lang}-${index}"]`,
        );
        if (el) el.focus();
        else if (tries++ < 30) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [virtualizer, rows],
  );
  useImperativeHandle(handle, () => ({ focusCell }), [focusCell]);

  useEffect(() => {
    // Open on the first row, ready to type.
    if (rows.length > 0 && langs[0]) focusCell(0, langs[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the document opens
  }, []);

  const headerLabel = (id: ColumnId) =>
    id === "number"
      ? t("grid:number")
      : id === "source"
        ? t("grid:source", { lang: t(`common:lang.${sourceLang}` as "common:lang.id") })
        : t(`common:lang.${id}`);

  const tableRows = table.getRowModel().rows;
  return (
    <div
      className="grid"
      role="grid"
      aria-rowcount={Math.max(totalRows, segments.length) + 1}
      aria-colcount={columns.length}
      style={{ "--target-cols": langs.length } as CSSProperties}
      aria-label={t("grid:label")}
    >
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
                          <SourceText text={String(cell.getValue())} />
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
                        onCommand={onCommand}
                        onFocusCell={onFocusCell}
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
