import { useCallback, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { SegmentRecord, TranslationRecord } from "../../core/model/records.ts";
import { translationId } from "../../core/model/records.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import { GRID_COLUMNS, toGridRows, type ColumnId } from "./columns.ts";
import { TargetCell } from "./cells/target-cell.tsx";
import { moveFocus, type CellCommand } from "./grid-keyboard.ts";

export interface AlignmentGridProps {
  segments: readonly SegmentRecord[];
  translations: ReadonlyMap<string, TranslationRecord>;
  sourceLang: string;
  user: string;
  onConfirm: (segmentId: string, lang: TargetLang, text: string) => Promise<void>;
}

const ROW_ESTIMATE = 72;

/**
 * The segment grid: ARIA grid semantics, rows virtualized (only the visible ones are in the DOM, each
 * with aria-rowindex), columns from the table model.
 */
export function AlignmentGrid({
  segments,
  translations,
  sourceLang,
  user,
  onConfirm,
}: AlignmentGridProps) {
  const { t } = useTranslation(["grid", "common"]);
  const rows = useMemo(() => toGridRows(segments), [segments]);
  const table = useReactTable({
    data: rows,
    columns: GRID_COLUMNS,
    getCoreRowModel: getCoreRowModel(),
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    getItemKey: (index) => rows[index]?.segment.id ?? index,
  });
  const pendingFocus = useRef<{ row: number; lang: TargetLang } | null>(null);

  const focusCell = useCallback(
    (row: number, lang: TargetLang) => {
      pendingFocus.current = { row, lang };
      virtualizer.scrollToIndex(row, { align: "auto" });
      let tries = 0;
      const attempt = () => {
        const el = scrollRef.current?.querySelector<HTMLTextAreaElement>(
          `[data-testid="target-${lang}-${row}"]`,
        );
        if (el) {
          el.focus();
          pendingFocus.current = null;
        } else if (tries++ < 20) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [virtualizer],
  );

  const onCommand = useCallback(
    (command: CellCommand, row: number, lang: TargetLang, text: string) => {
      const segment = rows[row]?.segment;
      if (command === "confirmAndNext" && segment) void onConfirm(segment.id, lang, text);
      const next = moveFocus({ row, lang }, command, rows.length);
      if (next) focusCell(next.row, next.lang);
    },
    [rows, onConfirm, focusCell],
  );

  useEffect(() => {
    // Open on the first segment, ready to type.
    if (rows.length > 0) focusCell(0, "vi");
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
      aria-rowcount={rows.length + 1}
      aria-colcount={GRID_COLUMNS.length}
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
        <div className="grid-body" style={{ height: virtualizer.getTotalSize() }} role="rowgroup">
          {virtualizer.getVirtualItems().map((item) => {
            const row = tableRows[item.index];
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
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </span>
                      </div>
                    );
                  }
                  const lang = id as TargetLang;
                  const tr = translations.get(translationId(segment.id, lang));
                  return (
                    <div role="gridcell" className={`grid-cell col-${lang}`} key={cell.id}>
                      <TargetCell
                        row={index}
                        segmentId={segment.id}
                        lang={lang}
                        source={segment.source}
                        text={tr?.text ?? ""}
                        status={tr?.status ?? "empty"}
                        user={user}
                        onCommand={onCommand}
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
}

export { TARGET_LANGS };
