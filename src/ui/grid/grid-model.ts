import type { CellEdit } from "../../db/operations/cell-edits.ts";
import type { CellCommand } from "./grid-keyboard.ts";
import type { SegmentRecord, TranslationRecord } from "../../core/model/records.ts";
import { translationId } from "../../core/model/records.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import { awaitsReview } from "../../core/review/transitions.ts";

/**
 * The next visible row after `fromRow` whose target awaits review, in the same language first, then
 * in the other; null when there is none.
 */
export function nextAwaitingReview(
  from: { row: number; lang: TargetLang },
  segments: readonly SegmentRecord[],
  visible: readonly number[],
  translations: ReadonlyMap<string, TranslationRecord>,
  columns: readonly TargetLang[] = TARGET_LANGS,
): { row: number; lang: TargetLang } | null {
  const langs = [from.lang, ...columns.filter((l) => l !== from.lang)];
  for (const lang of langs) {
    for (let row = from.row + 1; row < visible.length; row++) {
      const seg = segments[visible[row]!];
      const tr = seg ? translations.get(translationId(seg.id, lang)) : undefined;
      if (tr && awaitsReview(tr.status)) return { row, lang };
    }
  }
  return null;
}

/**
 * The alignment editor's command for a key or toolbar button, or null for other commands. `offset`
 * is where a split goes (the caret, in the stored text); `locked` says whether the cell's link is
 * confirmed (the lock key toggles it).
 */
export function cellEditFor(
  command: CellCommand,
  at: { offset: number; locked: boolean },
): CellEdit | null {
  switch (command) {
    case "moveCellUp":
      return { kind: "moveUp" };
    case "moveCellDown":
      return { kind: "moveDown" };
    case "mergeCell":
      return { kind: "mergeWithNext" };
    case "splitCell":
      return { kind: "split", offset: at.offset };
    case "insertCell":
      return { kind: "insertEmpty" };
    case "deleteCell":
      return { kind: "deleteEmpty" };
    case "lockCell":
      return { kind: "lock", locked: !at.locked };
    default:
      return null;
  }
}

/**
 * The rows a filter shows, plus the row being edited (`pinned`, a segment index) when the filter
 * dropped it: an edit that takes a row out of the filter must not take it away from under the caret.
 * `visible` is in document order and stays the same array when nothing is added.
 */
export function withPinnedRow(
  visible: readonly number[],
  pinned: number | null,
): readonly number[] {
  if (pinned === null || pinned < 0) return visible;
  let lo = 0;
  let hi = visible.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (visible[mid]! < pinned) lo = mid + 1;
    else hi = mid;
  }
  if (visible[lo] === pinned) return visible;
  return [...visible.slice(0, lo), pinned, ...visible.slice(lo)];
}
