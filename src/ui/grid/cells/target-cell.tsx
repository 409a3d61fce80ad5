import { memo, useEffect, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../../core/model/languages.ts";
import type { Status } from "../../../core/model/status.ts";
import type { Role } from "../../../core/model/profile.ts";
import { useAutosave } from "../../app/autosave-context.ts";
import { cellCommandFor, type CellCommand } from "../grid-keyboard.ts";
import { StatusBadge } from "./status-badge.tsx";
import { guardPlaceholders } from "../../../core/format/tmx/inline-guard.ts";

export interface CellRef {
  /** Position among the visible rows. */
  row: number;
  /** 0-based index of the segment in the document. */
  index: number;
  segmentId: string;
  lang: TargetLang;
}

export interface TargetCellProps {
  cell: CellRef;
  source: string;
  text: string;
  status: Status;
  user: string;
  role: Role;
  openComments: number;
  totalComments: number;
  onCommand: (command: CellCommand, cell: CellRef, text: string) => void;
  onFocusCell: (cell: CellRef) => void;
}

/**
 * An editable target: local text while typing, every change scheduled on the autosave (journal first,
 * IndexedDB after a short debounce), flushed on blur. Text from the database (another tab, undo,
 * replace) replaces the local text whenever this cell has no unsaved change.
 */
export const TargetCell = memo(function TargetCell(props: TargetCellProps) {
  const {
    cell,
    source,
    text,
    status,
    user,
    role,
    openComments,
    totalComments,
    onCommand,
    onFocusCell,
  } = props;
  const { segmentId, lang, index } = cell;
  const { t } = useTranslation(["grid", "common"]);
  const autosave = useAutosave();
  const [value, setValue] = useState(() => autosave.pendingText(segmentId, lang) ?? text);

  useEffect(() => {
    if (autosave.pendingText(segmentId, lang) === undefined) setValue(text);
  }, [text, autosave, segmentId, lang]);

  const change = (next: string) => {
    // Inline-code placeholders are atomic: an edit that would cut or alter one is refused.
    const guarded = guardPlaceholders(value, next, source);
    setValue(guarded);
    if (guarded !== value) autosave.schedule({ segmentId, lang, text: guarded, user });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const command = cellCommandFor(e, role);
    if (!command) return;
    e.preventDefault();
    if (command === "copySource") {
      change(source);
      return;
    }
    onCommand(command, cell, value);
  };

  return (
    <div className={`target-cell status-edge-${status}`}>
      <textarea
        className="target-input"
        data-testid={`target-${lang}-${index}`}
        lang={lang}
        aria-label={t("grid:cellLabel", { lang: t(`common:lang.${lang}`), n: index + 1 })}
        value={value}
        rows={1}
        spellCheck
        onFocus={() => onFocusCell(cell)}
        onBlur={() => void autosave.flush()}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="cell-foot">
        <StatusBadge status={status} lang={lang} row={index} />
        {totalComments > 0 && (
          <button
            type="button"
            className={`comment-badge${openComments > 0 ? " open" : ""}`}
            data-testid={`comments-${lang}-${index}`}
            aria-label={t("grid:commentsBadge", { count: totalComments, open: openComments })}
            title={t("grid:commentsBadge", { count: totalComments, open: openComments })}
            onClick={() => onCommand("comments", cell, value)}
          >
            <span aria-hidden="true">❝</span> {openComments > 0 ? openComments : "✓"}
          </button>
        )}
        {role === "reviewer" && (
          <span className="review-actions">
            <button
              type="button"
              className="mini approve"
              data-testid={`approve-${lang}-${index}`}
              aria-label={t("grid:approveCell", { n: index + 1, lang: t(`common:lang.${lang}`) })}
              title={t("grid:command.approveAndNext")}
              disabled={value.trim() === "" || status === "approved"}
              onClick={() => onCommand("approveAndNext", cell, value)}
            >
              ✓
            </button>
            <button
              type="button"
              className="mini reject"
              data-testid={`reject-${lang}-${index}`}
              aria-label={t("grid:rejectCell", { n: index + 1, lang: t(`common:lang.${lang}`) })}
              title={t("grid:command.reject")}
              disabled={value.trim() === "" || status === "rejected"}
              onClick={() => onCommand("reject", cell, value)}
            >
              ✗
            </button>
          </span>
        )}
      </div>
    </div>
  );
});
