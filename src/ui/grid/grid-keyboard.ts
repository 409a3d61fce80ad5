import type { TargetLang } from "../../core/model/languages.ts";
import { TARGET_LANGS } from "../../core/model/languages.ts";

/** Commands a key press in a target cell can trigger (CAT-tool habits: MateCat, memoQ, Trados). */
export type CellCommand =
  "confirmAndNext" | "nextRow" | "prevRow" | "nextCell" | "prevCell" | "copySource";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The keymap, also rendered as the shortcut sheet and in README (test/ui checks they agree). */
export const CELL_SHORTCUTS: readonly { command: CellCommand; keys: string[] }[] = [
  { command: "confirmAndNext", keys: ["Ctrl+Enter"] },
  { command: "nextRow", keys: ["Ctrl+↓", "Alt+PageDown"] },
  { command: "prevRow", keys: ["Ctrl+↑", "Alt+PageUp"] },
  { command: "nextCell", keys: ["Tab"] },
  { command: "prevCell", keys: ["Shift+Tab"] },
  { command: "copySource", keys: ["Ctrl+I", "Ctrl+Insert"] },
];

/** Shortcuts that work anywhere on the grid page. */
export const PAGE_SHORTCUTS: readonly { command: "showShortcuts"; keys: string[] }[] = [
  { command: "showShortcuts", keys: ["Alt+H"] },
];

export function isShowShortcutsKey(e: KeyLike): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && (e.key === "h" || e.key === "H");
}

/** Maps a key press in a target cell to a command, or null to let the textarea handle it. */
export function cellCommandFor(e: KeyLike): CellCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && !e.shiftKey && e.key === "Enter") return "confirmAndNext";
  if (mod && !e.altKey && !e.shiftKey && e.key === "ArrowDown") return "nextRow";
  if (mod && !e.altKey && !e.shiftKey && e.key === "ArrowUp") return "prevRow";
  if (e.altKey && !mod && e.key === "PageDown") return "nextRow";
  if (e.altKey && !mod && e.key === "PageUp") return "prevRow";
  if (!mod && !e.altKey && e.key === "Tab") return e.shiftKey ? "prevCell" : "nextCell";
  if (mod && !e.altKey && !e.shiftKey && (e.key === "i" || e.key === "I" || e.key === "Insert")) {
    return "copySource";
  }
  return null;
}

export interface CellPosition {
  row: number;
  lang: TargetLang;
}

/** Where focus goes for a navigation command, or null at the edge of the document. */
export function moveFocus(
  from: CellPosition,
  command: CellCommand,
  rowCount: number,
): CellPosition | null {
  const col = TARGET_LANGS.indexOf(from.lang);
  const last = TARGET_LANGS.length - 1;
  let row = from.row;
  let c = col;
  switch (command) {
    case "confirmAndNext":
    case "nextRow":
      row++;
      break;
    case "prevRow":
      row--;
      break;
    case "nextCell":
      if (c < last) c++;
      else {
        c = 0;
        row++;
      }
      break;
    case "prevCell":
      if (c > 0) c--;
      else {
        c = last;
        row--;
      }
      break;
    case "copySource":
      return from;
  }
  if (row < 0 || row >= rowCount) return null;
  const lang = TARGET_LANGS[c];
  return lang ? { row, lang } : null;
}
