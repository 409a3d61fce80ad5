import type { SelarasDb } from "../database.ts";
import { AppError } from "../../core/model/app-error.ts";
import { resolveConflict, type ConflictChoice } from "../../core/merge/resolve-conflict.ts";
import { nowIso } from "../ids.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";

export interface ResolveConflictInput {
  cellId: string;
  choice: ConflictChoice;
  /** The competing texts the user decided over (a change since then refuses the decision). */
  expected: readonly string[];
  user: string;
}

/**
 * Decides a cell's conflict (core/merge/resolve-conflict.ts) as one undoable command through
 * commitPatches: a revision when the text or status changes, and, in a shared document, the
 * mutation in the outbox (the same transaction), so team sync carries the decision.
 */
export async function resolveCellConflict(
  db: SelarasDb,
  input: ResolveConflictInput,
): Promise<void> {
  const at = nowIso();
  await db.transaction("rw", commitTables(db), async () => {
    const current = await db.translations.get(input.cellId);
    if (!current) throw new AppError("align-edit.cell-missing", { cellId: input.cellId });
    const after = resolveConflict(current, input.choice, input.expected, input.user, at);
    await commitPatches(db, [{ table: "translations", key: after.id, before: current, after }], {
      docId: current.docId,
      label: "resolve",
      user: input.user,
      at,
      action: "edit",
    });
  });
}
