import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../../core/model/languages.ts";
import type { Status } from "../../../core/model/status.ts";
import type { Role } from "../../../core/model/profile.ts";
import { useAutosave } from "../../app/autosave-context.ts";
import { cellCommandFor, type CellCommand } from "../grid-keyboard.ts";
import { StatusBadge } from "./status-badge.tsx";
import { ConflictMarker } from "./conflict-marker.tsx";
import { PresenceMarker } from "../../team/presence.tsx";
import { guardPlaceholders } from "../../../core/format/tmx/inline-guard.ts";
import {
  codeTokens,
  fromDisplay,
  storedOffset,
  toDisplay,
} from "../../../core/format/tmx/inline-display.ts";
import { SourceText } from "./source-text.tsx";
import "../grid-a11y.css";
import { isComposing, nfcField } from "../../shared/nfc-field.ts";
import { LockIcon } from "../../shared/icons.tsx";
import { QaMarker, qaMessagesId, type QaMarkerHandle } from "../../qa/qa-marker.tsx";
import { QaReviewNote } from "../../qa/qa-review-note.tsx";
import { useCellFindings } from "../../qa/qa-context.ts";
import { FindBackdrop, useFindPattern } from "../find-highlight.tsx";
import { QaBackdrop } from "../../qa/qa-highlight.tsx";

export interface CellRef {
  /** Position among the visible rows. */
  row: number;
  /** 0-based index of the segment in the document. */
  index: number;
  segmentId: string;
  lang: TargetLang;
  /** The stored cell shown in the row (none yet past the end of the column). */
  cellId?: string;
}

/** What the alignment view knows of a row's target (core/align-edit layout). */
export interface CellAlignment {
  /** How many source rows the cell covers (1 for a plain row). */
  span: number;
  /** The row is covered by the cell that starts this many rows above (0: the cell starts here). */
  coveredFrom: number;
  /** Target text with no source row, shown under this row (0-1 links). */
  under: readonly { id: string; text: string }[];
  /** The aligner's confidence when nobody changed the link yet, else null. */
  confidence: number | null;
  /** An unconfirmed aligner link below the confidence threshold (core `isSuspicious`). */
  suspicious: boolean;
  locked: boolean;
}

/**
 * The number of the code token (⟦n⟧) that a selection touches in the display text (the token it is
 * in, or the one just before or after a collapsed caret), or null when it touches none.
 */
export function codeAt(display: string, [start, end]: readonly [number, number]): number | null {
  for (const m of display.matchAll(/⟦(\d+)⟧/gu)) {
    const from = m.index;
    const to = from + m[0].length;
    if (start <= to && end >= from) return Number(m[1]);
  }
  return null;
}

export const NO_ALIGNMENT: CellAlignment = {
  span: 1,
  coveredFrom: 0,
  under: [],
  confidence: null,
  suspicious: false,
  locked: false,
};

/** Runs a command on the focused cell, as its keys would (the toolbar calls it). */
export type CellTool = (command: CellCommand) => void;

interface TargetCellProps {
  /** The cell's place: primitives, so the memo holds while nothing changed. */
  row: number;
  index: number;
  segmentId: string;
  lang: TargetLang;
  cellId: string | undefined;
  source: string;
  text: string;
  status: Status;
  user: string;
  role: Role;
  openComments: number;
  totalComments: number;
  /** Competing versions of the cell (a conflict to decide); 0: none. */
  conflicts?: number;
  alignment: CellAlignment;
  onCommand: (command: CellCommand, cell: CellRef, text: string, caret?: number) => void;
  /** Focus moved here; `tool` runs commands on this cell (with its current text and caret). */
  onFocusCell: (cell: CellRef, tool: CellTool) => void;
  /** The grid's one Tab stop (roving tabindex): only this cell's field is in the Tab order. */
  tabStop?: boolean;
}

/**
 * A cell's text as shown: its unsaved text from the autosave while there is one, else the stored
 * text, which replaces the local one whenever it changes (another tab, undo, replace).
 */
function usePendingText(segmentId: string, lang: TargetLang, text: string, underCellId?: string) {
  const autosave = useAutosave();
  const [value, setValue] = useState(
    () => autosave.pendingText(segmentId, lang, underCellId) ?? text,
  );
  useEffect(() => {
    if (autosave.pendingText(segmentId, lang, underCellId) !== undefined) return;
    setValue(text);
    // What the translator sees is what the next edit is typed over (another tab's text is not).
    autosave.observe(segmentId, lang, text, underCellId);
  }, [text, autosave, segmentId, lang, underCellId]);
  return [value, setValue, autosave] as const;
}

/**
 * An editable target: local text while typing, every change scheduled on the autosave (journal first,
 * IndexedDB after a short debounce), flushed on blur. Text from the database (another tab, undo,
 * replace) replaces the local text whenever this cell has no unsaved change.
 */
export const TargetCell = memo(function TargetCell(props: TargetCellProps) {
  const {
    row,
    index,
    segmentId,
    lang,
    cellId,
    source,
    text,
    status,
    user,
    role,
    openComments,
    totalComments,
    conflicts = 0,
    alignment,
    onCommand,
    onFocusCell,
    tabStop = false,
  } = props;
  const cell = useMemo(
    (): CellRef => ({ row, index, segmentId, lang, ...(cellId ? { cellId } : {}) }),
    [row, index, segmentId, lang, cellId],
  );
  const { t } = useTranslation(["grid", "common", "a11y"]);
  const [value, setValue, autosave] = usePendingText(segmentId, lang, text);
  const input = useRef<HTMLTextAreaElement>(null);
  const marker = useRef<QaMarkerHandle>(null);
  const hasFindings = useCellFindings(segmentId, lang).length > 0;
  // The grid's find marks its matches when it searches this column (issue 13 item 12).
  const findPattern = useFindPattern(lang);

  // Inline codes show as numbered tokens (⟦1⟧) in the field, with a legend of chips below.
  const tokens = useMemo(() => codeTokens(source, value), [source, value]);
  const display = toDisplay(value, tokens);

  // A refused edit to an inline code says why, briefly, in the cell's live region (issue 13 item 14).
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    if (refusal === null) return;
    const timer = setTimeout(() => setRefusal(null), 6000);
    return () => clearTimeout(timer);
  }, [refusal]);
  // The selection before the key that caused an input, to put the caret back after a refusal.
  const selectionBefore = useRef<[number, number] | null>(null);
  const refuse = (kind: "cut" | "typed") => {
    const n = selectionBefore.current ? codeAt(display, selectionBefore.current) : null;
    setRefusal(n === null ? t("a11y:code.any") : t(`a11y:code.${kind}`, { n }));
  };

  const change = (next: string) => {
    // Inline-code placeholders are atomic: an edit that would cut or alter one is refused.
    const guarded = guardPlaceholders(value, next, source);
    if (guarded !== next) refuse(next.length < value.length ? "cut" : "typed");
    else if (refusal !== null) setRefusal(null);
    setValue(guarded);
    if (guarded !== value) {
      autosave.schedule({
        segmentId,
        lang,
        text: guarded,
        user,
        ...(cellId ? { cellId } : {}),
      });
    }
  };

  // Typed or pasted text is NFC (in place, keeping the caret), unless an input method is composing.
  const onInput = (field: HTMLTextAreaElement, composing: boolean) => {
    const stored = fromDisplay(nfcField(field, composing), tokens);
    // A token cut in half or renumbered is refused like any edit that would break a code.
    if (stored === null) {
      const shorter = field.value.length < display.length;
      field.value = display;
      const sel = selectionBefore.current;
      if (sel) field.setSelectionRange(sel[0], sel[1]);
      refuse(shorter ? "cut" : "typed");
      return;
    }
    change(stored);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.currentTarget instanceof HTMLTextAreaElement) {
      selectionBefore.current = [e.currentTarget.selectionStart, e.currentTarget.selectionEnd];
    }
    // Esc stops editing: focus goes to the grid cell, where the arrow keys move between cells.
    if (
      e.key === "Escape" &&
      !e.ctrlKey &&
      !e.metaKey &&
      !e.altKey &&
      !e.shiftKey &&
      !e.nativeEvent.isComposing
    ) {
      const gridCell = e.currentTarget.closest<HTMLElement>('[role="gridcell"]');
      if (gridCell) {
        e.preventDefault();
        e.stopPropagation();
        gridCell.focus();
      }
      return;
    }
    const command = cellCommandFor(
      {
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        altGraph: e.getModifierState?.("AltGraph") ?? false,
      },
      role,
    );
    if (!command) return;
    // Alt+Q: the QA marker's popup, to read and dismiss the cell's findings (none: the key types).
    if (command === "qaFindings") {
      if (marker.current?.open()) e.preventDefault();
      return;
    }
    e.preventDefault();
    if (command === "copySource") {
      if (alignment.coveredFrom === 0) change(source);
      return;
    }
    run.current(command);
  };

  // A command with this cell's current text and caret (in stored terms: the field shows tokens).
  const run = useRef<CellTool>(() => undefined);
  useEffect(() => {
    run.current = (command) => {
      const field = input.current;
      const caret = field ? storedOffset(field.value, field.selectionStart, tokens) : undefined;
      onCommand(command, cell, value, caret);
    };
  });
  const tool = useCallback<CellTool>((command) => run.current(command), []);
  const focus = () => onFocusCell(cell, tool);

  const { span, coveredFrom, under, confidence, locked, suspicious } = alignment;
  const alignClass =
    (span > 1 ? " span-start" : "") +
    (confidence !== null && !locked ? (suspicious ? " conf-low" : " conf-ok") : "") +
    (locked ? " locked" : "");

  if (coveredFrom > 0) {
    // A row covered by a cell that starts above (a 2-1 or 3-1 link): part of that cell, not a cell.
    return (
      <div className="target-cell span-cont">
        <div
          className="covered-note"
          tabIndex={tabStop ? 0 : -1}
          role="textbox"
          aria-readonly="true"
          data-testid={`target-${lang}-${index}`}
          data-covered="true"
          aria-label={t("grid:coveredLabel", {
            lang: t(`common:lang.${lang}`),
            n: index + 1,
            from: index + 1 - coveredFrom,
          })}
          onFocus={focus}
          onKeyDown={onKeyDown}
        >
          {t("grid:covered", { n: index + 1 - coveredFrom })}
        </div>
      </div>
    );
  }

  return (
    <div
      className={`target-cell status-edge-${status}${alignClass}${conflicts > 0 ? " has-conflict" : ""}`}
    >
      {span > 1 && (
        <span className="span-note" data-testid={`span-${lang}-${index}`}>
          {t("grid:spanNote", { from: index + 1, to: index + span })}
        </span>
      )}
      <div className="target-field">
        <textarea
          ref={input}
          className="target-input"
          data-testid={`target-${lang}-${index}`}
          lang={lang}
          aria-label={t("grid:cellLabel", { lang: t(`common:lang.${lang}`), n: index + 1 })}
          aria-describedby={hasFindings ? qaMessagesId(lang, index) : undefined}
          value={display}
          rows={1}
          spellCheck
          tabIndex={tabStop ? 0 : -1}
          onFocus={focus}
          onBlur={() => void autosave.flush()}
          onChange={(e) => onInput(e.target, isComposing(e))}
          onCompositionEnd={(e) => onInput(e.currentTarget, false)}
          onKeyDown={onKeyDown}
        />
        {/* The parts of the text QA findings are about (issue 12), under the find's matches. */}
        <QaBackdrop
          segmentId={segmentId}
          lang={lang}
          source={source}
          stored={value}
          display={display}
          tokens={tokens}
        />
        <FindBackdrop text={display} pattern={findPattern} />
      </div>
      <p className="cell-refusal" role="status" data-testid={`refusal-${lang}-${index}`}>
        {refusal}
      </p>
      {tokens.length > 0 && (
        <p className="code-legend" data-testid={`codes-${lang}-${index}`}>
          {tokens.map((code, k) => (
            <span key={code} className="code-legend-item">
              ⟦{k + 1}⟧ <SourceText text={code} />
            </span>
          ))}
        </p>
      )}
      {under.map((u) => (
        <UnderCell
          key={u.id}
          id={u.id}
          text={u.text}
          segmentId={segmentId}
          lang={lang}
          index={index}
          user={user}
        />
      ))}
      <div className="cell-foot">
        <StatusBadge status={status} lang={lang} row={index} />
        <QaMarker
          segmentId={segmentId}
          lang={lang}
          index={index}
          text={value}
          user={user}
          handle={marker}
          onOpen={() => onCommand("qaPanel", cell, value)}
          onReturn={() => input.current?.focus()}
        />
        {confidence !== null && !locked && (
          <span
            className={`confidence${suspicious ? " low" : ""}`}
            data-testid={`confidence-${lang}-${index}`}
            title={t("grid:confidenceTitle")}
          >
            {t("grid:confidence", { value: Math.round(confidence * 100) })}
          </span>
        )}
        {locked && (
          <span
            className="lock-mark"
            title={t("grid:lockedTitle")}
            data-testid={`locked-${lang}-${index}`}
          >
            <LockIcon />
            <span className="visually-hidden">{t("grid:lockedTitle")}</span>
          </span>
        )}
        <PresenceMarker segmentId={segmentId} lang={lang} index={index} />
        {conflicts > 0 && (
          <ConflictMarker
            count={conflicts}
            testId={`conflict-${lang}-${index}`}
            tabIndex={-1}
            onOpen={() => onCommand("conflict", cell, value)}
          />
        )}
        {totalComments > 0 && (
          <button
            type="button"
            className={`comment-badge${openComments > 0 ? " open" : ""}`}
            tabIndex={-1}
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
            <QaReviewNote segmentId={segmentId} lang={lang} index={index} />
            <button
              type="button"
              className="mini approve"
              tabIndex={-1}
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
              tabIndex={-1}
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

/**
 * Target text with no source row (a 0-1 link), under the row it follows: editable like a cell, saved
 * to its own cell. Merging it into the cell above (Ctrl+Alt+J there) pairs it with that row.
 */
function UnderCell(props: {
  id: string;
  text: string;
  segmentId: string;
  lang: TargetLang;
  index: number;
  user: string;
}) {
  const { id, text, segmentId, lang, index, user } = props;
  const { t } = useTranslation(["grid", "common"]);
  const [value, setValue, autosave] = usePendingText(segmentId, lang, text, id);
  const save = (next: string) => {
    if (next === value) return;
    setValue(next);
    autosave.schedule({ segmentId, lang, cellId: id, under: true, text: next, user });
  };
  return (
    <div className="under-cell">
      <span className="under-tag" aria-hidden="true">
        {t("grid:noSource")}
      </span>
      <textarea
        className="target-input under-input"
        tabIndex={-1}
        data-testid={`under-${lang}-${index}`}
        lang={lang}
        rows={1}
        value={value}
        aria-label={t("grid:underLabel", { lang: t(`common:lang.${lang}`), n: index + 1 })}
        onBlur={() => void autosave.flush()}
        onChange={(e) => save(nfcField(e.target, isComposing(e)))}
        onCompositionEnd={(e) => save(nfcField(e.currentTarget))}
      />
    </div>
  );
}
