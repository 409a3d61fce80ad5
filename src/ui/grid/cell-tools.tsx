import { useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../core/model/languages.ts";
import { LockIcon } from "../shared/icons.tsx";
import { SHORTCUTS, type CellCommand } from "./grid-keyboard.ts";

/** The alignment editor's commands, as buttons for the focused target cell (also by keyboard). */
const TOOLS: readonly { command: CellCommand; icon: ReactNode }[] = [
  { command: "moveCellUp", icon: "↥" },
  { command: "moveCellDown", icon: "↧" },
  { command: "mergeCell", icon: "⤓" },
  { command: "splitCell", icon: "✂" },
  { command: "insertCell", icon: "+" },
  { command: "deleteCell", icon: "−" },
  { command: "lockCell", icon: <LockIcon /> },
  { command: "nextSuspicious", icon: "⚠" },
];

/** "Ctrl+Alt+↑" → "Control+Alt+ArrowUp" (aria-keyshortcuts syntax). */
function ariaKeys(keys: readonly string[]): string {
  return keys
    .map((k) => k.replace("Ctrl", "Control").replace("↑", "ArrowUp").replace("↓", "ArrowDown"))
    .join(" ");
}

/**
 * A toolbar acting on the last focused target cell. Buttons keep the focus (and the caret) in the
 * cell, so "split at the caret" splits where the caret is.
 */
export function CellTools({
  active,
  onCommand,
}: {
  active: { lang: TargetLang; index: number } | null;
  onCommand: (command: CellCommand) => void;
}) {
  const { t } = useTranslation(["grid", "common"]);
  // One Tab stop (WAI-ARIA toolbar): the arrow keys, Home and End move between the buttons.
  const [current, setCurrent] = useState(0);
  // Alignment vocabulary stays out of plain translation (issue 13 item 19): the tools show where a
  // column was aligned (the grid page shows its overview then, see app.css) or when asked for here.
  const [requested, setRequested] = useState(false);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button.cell-tool")];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const next =
      e.key === "ArrowRight"
        ? (at + 1) % buttons.length
        : e.key === "ArrowLeft"
          ? (at - 1 + buttons.length) % buttons.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? buttons.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setCurrent(next);
    buttons[next]?.focus();
  };
  const label = active
    ? t("grid:cellTools", { lang: t(`common:lang.${active.lang}`), n: active.index + 1 })
    : t("grid:cellToolsNone");
  return (
    <div
      className={`toolbar cell-tools${requested ? " requested" : ""}`}
      role="toolbar"
      aria-label={label}
      data-testid="cell-tools"
      onKeyDown={onKeyDown}
    >
      <span className="cell-tools-label" aria-hidden="true">
        {label}
      </span>
      <button
        type="button"
        className="mini cell-tools-toggle"
        data-testid="cell-tools-toggle"
        aria-expanded={requested}
        aria-label={t("grid:cellToolsShow")}
        title={t("grid:cellToolsShow")}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setRequested((r) => !r)}
      >
        {requested ? "▾" : "▸"} {t("grid:cellToolsShort")}
      </button>
      {TOOLS.map(({ command, icon }, k) => {
        const keys = SHORTCUTS.find((s) => s.command === command)?.keys ?? [];
        const name = t(`grid:command.${command}` as "grid:command.mergeCell");
        return (
          <button
            type="button"
            key={command}
            className="mini cell-tool"
            data-testid={`tool-${command}`}
            disabled={!active}
            tabIndex={k === current ? 0 : -1}
            onFocus={() => setCurrent(k)}
            aria-label={name}
            aria-keyshortcuts={ariaKeys(keys)}
            title={`${name} (${keys.join(", ")})`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onCommand(command)}
          >
            <span aria-hidden="true">{icon}</span>
          </button>
        );
      })}
    </div>
  );
}
