import type { SelarasDb } from "../database.ts";
import { invertPatches } from "../../core/edit/patch.ts";
import { nowIso } from "../ids.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";
import type { HistoryRecord } from "../records.ts";

export interface HistoryStep {
  label: string;
  seq: number;
}

async function lastDone(db: SelarasDb, docId: string): Promise<HistoryRecord | undefined> {
  return db.history
    .where("[docId+seq]")
    .between([docId, -Infinity], [docId, Infinity])
    .filter((h) => h.undone === 0)
    .last();
}

async function firstUndone(db: SelarasDb, docId: string): Promise<HistoryRecord | undefined> {
  return db.history.where("[docId+undone]").equals([docId, 1]).first();
}

/** Undoes the document's last command (one transaction); returns what was undone, or null. */
export async function undo(
  db: SelarasDb,
  docId: string,
  user: string,
): Promise<HistoryStep | null> {
  return db.transaction("rw", commitTables(db), async () => {
    const entry = await lastDone(db, docId);
    if (!entry || entry.seq === undefined) return null;
    await commitPatches(db, invertPatches(entry.patches), {
      docId,
      label: entry.label,
      user,
      at: nowIso(),
      action: "undo",
      record: false,
    });
    await db.history.update(entry.seq, { undone: 1 });
    return { label: entry.label, seq: entry.seq };
  });
}

/** Redoes the command undone last (one transaction); returns it, or null when there is none. */
export async function redo(
  db: SelarasDb,
  docId: string,
  user: string,
): Promise<HistoryStep | null> {
  return db.transaction("rw", commitTables(db), async () => {
    const entry = await firstUndone(db, docId);
    if (!entry || entry.seq === undefined) return null;
    await commitPatches(db, entry.patches, {
      docId,
      label: entry.label,
      user,
      at: nowIso(),
      action: "redo",
      record: false,
    });
    await db.history.update(entry.seq, { undone: 0 });
    return { label: entry.label, seq: entry.seq };
  });
}

/** Labels of the next undo and redo steps, for menus and tooltips. */
export async function historyState(
  db: SelarasDb,
  docId: string,
): Promise<{ undo: string | null; redo: string | null }> {
  const [u, r] = await Promise.all([lastDone(db, docId), firstUndone(db, docId)]);
  return { undo: u?.label ?? null, redo: r?.label ?? null };
}
