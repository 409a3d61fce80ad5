import type { TargetLang } from "../../core/model/languages.ts";
import { TARGET_LANGS } from "../../core/model/languages.ts";
import type { Role } from "../../core/model/profile.ts";

/** Commands a key press in a target cell can trigger (CAT-tool habits: MateCat, memoQ, Trados). */
export type CellCommand =
  | "confirmAndNext"
  | "approveAndNext"
  | "reject"
  | "nextAwaiting"
  | "nextRow"
  | "prevRow"
  | "nextCell"
  | "prevCell"
  | "copySource"
  | "undo"
  | "redo"
  | "comments"
  | "history"
  | "conflict"
  | "splitSource"
  | "mergeSource"
  | "moveCellUp"
  | "moveCellDown"
  | "mergeCell"
  | "splitCell"
  | "insertCell"
  | "deleteCell"
  | "lockCell"
  | "nextSuspicious"
  | "nextFinding"
  | "prevFinding"
  /** The cell's QA marker popup: its findings, each to dismiss with a reason. */
  | "qaFindings"
  /** Not a key: the cell's QA marker opens the QA panel. */
  | "qaPanel";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** AltGr held (Ctrl+Alt on Windows types characters such as € or ę: never a shortcut then). */
  altGraph?: boolean;
}

interface Shortcut {
  command: CellCommand | "showShortcuts" | "goToSegment";
  keys: string[];
  /** Only in this role (MateCat: Ctrl+Enter confirms for translators, approves for reviewers). */
  role?: Role;
}

/** The keymap, rendered as the in-app shortcut sheet and listed in README. */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: "confirmAndNext", keys: ["Ctrl+Enter"], role: "translator" },
  { command: "approveAndNext", keys: ["Ctrl+Enter"], role: "reviewer" },
  { command: "reject", keys: ["Ctrl+Shift+Backspace"], role: "reviewer" },
  { command: "nextAwaiting", keys: ["Ctrl+Shift+↓"] },
  { command: "nextRow", keys: ["Ctrl+↓", "Alt+PageDown"] },
  { command: "prevRow", keys: ["Ctrl+↑", "Alt+PageUp"] },
  { command: "nextCell", keys: ["Tab"] },
  { command: "prevCell", keys: ["Shift+Tab"] },
  { command: "copySource", keys: ["Ctrl+I", "Ctrl+Insert"] },
  { command: "undo", keys: ["Ctrl+Z"] },
  { command: "redo", keys: ["Ctrl+Shift+Z", "Ctrl+Y"] },
  { command: "splitSource", keys: ["Ctrl+E"] },
  { command: "mergeSource", keys: ["Ctrl+J"] },
  { command: "comments", keys: ["Ctrl+Shift+C"] },
  { command: "history", keys: ["Ctrl+Shift+H"] },
  { command: "conflict", keys: ["Ctrl+Shift+K"] },
  { command: "moveCellUp", keys: ["Ctrl+Alt+↑"] },
  { command: "moveCellDown", keys: ["Ctrl+Alt+↓"] },
  { command: "mergeCell", keys: ["Ctrl+Alt+J"] },
  { command: "splitCell", keys: ["Ctrl+Alt+E"] },
  { command: "insertCell", keys: ["Alt+Insert"] },
  { command: "deleteCell", keys: ["Alt+Delete"] },
  { command: "lockCell", keys: ["Ctrl+Alt+L"] },
  { command: "nextSuspicious", keys: ["Ctrl+Alt+N"] },
  { command: "nextFinding", keys: ["F8"] },
  { command: "prevFinding", keys: ["Shift+F8"] },
  { command: "qaFindings", keys: ["Alt+Q"] },
  { command: "goToSegment", keys: ["Ctrl+G"] },
  { command: "showShortcuts", keys: ["Alt+H"] },
];

/** Ctrl+G (Cmd+G): go to segment N (issue 13 item 17), anywhere on the grid page. */
export function isGoToSegmentKey(e: KeyLike): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === "g" || e.key === "G");
}

/** F8 / Shift+F8: the next or previous QA finding's cell (as in several CAT tools). */
export function isFindingKey(e: KeyLike): boolean {
  return e.key === "F8" && !e.ctrlKey && !e.metaKey && !e.altKey;
}

export function isShowShortcutsKey(e: KeyLike): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && (e.key === "h" || e.key === "H");
}

/** Maps a key press in a target cell to a command, or null to let the textarea handle it. */
export function cellCommandFor(e: KeyLike, role: Role = "translator"): CellCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altGraph) return null;
  if (mod && e.altKey && !e.shiftKey) {
    // The alignment editor: Ctrl+Alt plus the key of the matching row command.
    if (key === "ArrowUp") return "moveCellUp";
    if (key === "ArrowDown") return "moveCellDown";
    if (key === "j") return "mergeCell";
    if (key === "e") return "splitCell";
    if (key === "l") return "lockCell";
    if (key === "n") return "nextSuspicious";
    return null;
  }
  if (mod && !e.altKey) {
    if (!e.shiftKey) {
      if (key === "Enter") return role === "reviewer" ? "approveAndNext" : "confirmAndNext";
      if (key === "ArrowDown") return "nextRow";
      if (key === "ArrowUp") return "prevRow";
      if (key === "i" || key === "Insert") return "copySource";
      if (key === "z") return "undo";
      if (key === "y") return "redo";
      if (key === "e") return "splitSource";
      if (key === "j") return "mergeSource";
    } else {
      if (key === "Backspace") return role === "reviewer" ? "reject" : null;
      if (key === "ArrowDown") return "nextAwaiting";
      if (key === "z") return "redo";
      if (key === "c") return "comments";
      if (key === "h") return "history";
      if (key === "k") return "conflict";
    }
    return null;
  }
  if (e.altKey && !mod && !e.shiftKey) {
    if (key === "PageDown") return "nextRow";
    if (key === "PageUp") return "prevRow";
    if (key === "Insert") return "insertCell";
    if (key === "Delete") return "deleteCell";
    if (key === "q") return "qaFindings";
    return null;
  }
  if (!mod && !e.altKey && key === "Tab") return e.shiftKey ? "prevCell" : "nextCell";
  if (isFindingKey(e)) return e.shiftKey ? "prevFinding" : "nextFinding";
  return null;
}

interface CellPosition {
  /** Position among the visible (filtered) rows. */
  row: number;
  lang: TargetLang;
}

/** Where focus goes for a navigation command, or null at the edge (or for non-moving commands). */
export function moveFocus(
  from: CellPosition,
  command: CellCommand,
  rowCount: number,
  langs: readonly TargetLang[] = TARGET_LANGS,
): CellPosition | null {
  const col = Math.max(0, langs.indexOf(from.lang));
  const last = langs.length - 1;
  let row = from.row;
  let c = col;
  switch (command) {
    case "confirmAndNext":
    case "approveAndNext":
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
    default:
      return null;
  }
  if (row < 0 || row >= rowCount) return null;
  const lang = langs[c];
  return lang ? { row, lang } : null;
}
