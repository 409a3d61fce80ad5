import { memo, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../../core/model/languages.ts";
import type { Status } from "../../../core/model/status.ts";
import { useAutosave } from "../../app/autosave-context.ts";
import { cellCommandFor, type CellCommand } from "../grid-keyboard.ts";
import { StatusBadge } from "./status-badge.tsx";

export interface TargetCellProps {
  row: number;
  segmentId: string;
  lang: TargetLang;
  source: string;
  text: string;
  status: Status;
  user: string;
  onCommand: (command: CellCommand, row: number, lang: TargetLang, text: string) => void;
}

/**
 * An editable target: local text while typing, every change scheduled on the autosave (journal first,
 * IndexedDB after a short debounce), flushed on blur. Text from the database replaces the local text
 * only while the cell is not being edited.
 */
export const TargetCell = memo(function TargetCell(props: TargetCellProps) {
  const { row, segmentId, lang, source, text, status, user, onCommand } = props;
  const { t } = useTranslation(["grid", "common"]);
  const autosave = useAutosave();
  const [value, setValue] = useState(() => autosave.pendingText(segmentId, lang) ?? text);
  const editing = useRef(false);

  useEffect(() => {
    if (!editing.current && autosave.pendingText(segmentId, lang) === undefined) setValue(text);
  }, [text, autosave, segmentId, lang]);

  const change = (next: string) => {
    setValue(next);
    autosave.schedule({ segmentId, lang, text: next, user });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const command = cellCommandFor(e);
    if (!command) return;
    e.preventDefault();
    if (command === "copySource") {
      change(source);
      return;
    }
    onCommand(command, row, lang, value);
  };

  return (
    <div className={`target-cell status-edge-${status}`}>
      <textarea
        className="target-input"
        data-testid={`target-${lang}-${row}`}
        lang={lang}
        aria-label={t("grid:cellLabel", { lang: t(`common:lang.${lang}`), n: row + 1 })}
        value={value}
        rows={1}
        spellCheck
        onFocus={() => {
          editing.current = true;
        }}
        onBlur={() => {
          editing.current = false;
          void autosave.flush();
        }}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <StatusBadge status={status} lang={lang} row={row} />
    </div>
  );
});
