import type { TranslationRecord } from "../model/records.ts";
import { AppError } from "../model/app-error.ts";
import { isStatus, statusAfterEdit } from "../model/status.ts";

/**
 * How a conflict is decided: keep the current text, keep one competing version (by its index in
 * `competing`), or keep a text the user edited from both.
 */
export type ConflictChoice =
  { kind: "current" } | { kind: "competing"; index: number } | { kind: "merged"; text: string };

/**
 * The cell after a decision: no competing versions left. Keeping a competing version takes its
 * text, status and author (stamped now: the decision is a change); an edited merge is typed text.
 * `expected` are the competing texts the user saw: when they differ (a version arrived or went in
 * the meantime) the decision is refused (AppError "conflict.changed"), so nothing unseen is dropped.
 */
export function resolveConflict(
  cell: TranslationRecord,
  choice: ConflictChoice,
  expected: readonly string[],
  user: string,
  at: string,
): TranslationRecord {
  const competing = cell.competing ?? [];
  if (competing.length !== expected.length || competing.some((v, i) => v.text !== expected[i])) {
    throw new AppError("conflict.changed", { cellId: cell.id });
  }
  const { competing: _dropped, ...rest } = cell;
  if (choice.kind === "current") return rest;
  if (choice.kind === "competing") {
    const v = competing[choice.index];
    if (!v) throw new AppError("conflict.changed", { cellId: cell.id });
    return {
      ...rest,
      text: v.text,
      status: isStatus(v.status) ? v.status : statusAfterEdit(v.text),
      confidence: null,
      changedBy: v.by || user,
      changedAt: at,
    };
  }
  const text = choice.text.normalize("NFC");
  return {
    ...rest,
    text,
    status: statusAfterEdit(text),
    confidence: null,
    changedBy: user,
    changedAt: at,
  };
}
