import { useMemo, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../core/model/languages.ts";
import type { ColumnLayout } from "../../core/align-edit/layout.ts";
import { cellsShownAt, isSuspicious } from "../../core/align-edit/layout.ts";

/** Links at or above this confidence are "sure" (the align bench: 94 % of them are exact). */
const SURE = 0.8;

/** At most this many blocks: a 10,000-row document shows blocks of ~84 rows. */
const MAX_BLOCKS = 120;

interface Block {
  from: number;
  to: number;
  /** Lowest confidence of an unconfirmed aligner link starting in the block; null: none. */
  lowest: number | null;
  suspicious: boolean;
}

function blocksOf(layout: ColumnLayout, threshold: number, shifted: ReadonlySet<string>): Block[] {
  const rows = layout.rows.length;
  const size = Math.max(1, Math.ceil(rows / MAX_BLOCKS));
  const blocks: Block[] = [];
  for (let from = 0; from < rows; from += size) {
    const to = Math.min(rows, from + size);
    let lowest: number | null = null;
    let suspicious = false;
    for (let r = from; r < to; r++) {
      for (const c of cellsShownAt(layout.rows[r]!)) {
        if (c.locked || c.confidence === null || shifted.has(c.id)) continue;
        if (lowest === null || c.confidence < lowest) lowest = c.confidence;
        if (isSuspicious(c, threshold)) suspicious = true;
      }
    }
    blocks.push({ from, to, lowest, suspicious });
  }
  return blocks;
}

/**
 * The document overview of one aligned column: the rows in blocks from top to bottom, coloured by
 * the lowest aligner confidence in each (red: a suspicious link, amber: below 0.8, green: sure,
 * grey: typed or confirmed). A click goes to the block's first row.
 */
export function AlignmentMinimap({
  lang,
  layout,
  threshold,
  shifted,
  onGo,
}: {
  lang: TargetLang;
  layout: ColumnLayout;
  threshold: number;
  shifted: ReadonlySet<string>;
  onGo: (row: number) => void;
}) {
  const { t } = useTranslation(["grid", "common"]);
  const blocks = useMemo(() => blocksOf(layout, threshold, shifted), [layout, threshold, shifted]);
  // One tab stop for the whole bar (roving focus): ↑/↓ move between blocks, Home/End to the ends.
  const [current, setCurrent] = useState(0);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: blocks.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(blocks.length - 1, to));
    setCurrent(next);
    e.currentTarget.querySelectorAll<HTMLButtonElement>("button")[next]?.focus();
  };
  const langName = t(`common:lang.${lang}`);
  return (
    <nav
      className="minimap"
      aria-label={t("grid:minimap", { lang: langName })}
      data-testid={`minimap-${lang}`}
      onKeyDown={onKeyDown}
    >
      <span className="minimap-lang" aria-hidden="true">
        {lang}
      </span>
      {blocks.map((b, k) => {
        const kind =
          b.lowest === null ? "none" : b.suspicious ? "low" : b.lowest < SURE ? "mid" : "high";
        const label =
          b.lowest === null || !b.suspicious
            ? t("grid:minimapBlockOk", { from: b.from + 1, to: b.to })
            : t("grid:minimapBlock", {
                from: b.from + 1,
                to: b.to,
                value: Math.round(b.lowest * 100),
              });
        return (
          <button
            type="button"
            key={b.from}
            className={`minimap-block conf-${kind}`}
            style={{ flexGrow: b.to - b.from }}
            title={label}
            aria-label={label}
            data-kind={kind}
            tabIndex={k === Math.min(current, blocks.length - 1) ? 0 : -1}
            onFocus={() => setCurrent(k)}
            onClick={() => onGo(b.from)}
          />
        );
      })}
    </nav>
  );
}
