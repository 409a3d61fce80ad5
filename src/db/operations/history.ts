import type { SelarasDb } from "../database.ts";
import { invertPatches } from "../../core/edit/patch.ts";
import { nowIso } from "../ids.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";
import type { HistoryRecord } from "../records.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import type { TargetLang } from "../../core/model/languages.ts";

/** Where a step acts: the first cell whose text or status it changes (else the first it touches). */
export interface StepPlace {
  segmentId: string;
  /** null when the step changes the source (split, merge, re-segment) rather than a target. */
  lang: TargetLang | null;
}

/** An undo or redo step as menus, tooltips and the grid show it. */
export interface StepSummary {
  label: string;
  place: StepPlace | null;
  /** How many segments the step touches. */
  segments: number;
}

export interface HistoryStep extends StepSummary {
  seq: number;
}

/** The place and extent of a step, from its patches. */
export function summarizeStep(label: string, patches: readonly RecordPatch[]): StepSummary {
  const segments = new Set<string>();
  let changed: StepPlace | null = null;
  let touched: StepPlace | null = null;
  for (const p of patches) {
    const rec = p.after ?? p.before;
    // A glossary concept is project-wide: no row of the document to show.
    if (!rec || p.table === "glossary") continue;
    let place: StepPlace;
    if (p.table === "segments") place = { segmentId: p.key, lang: null };
    else {
      const { segmentId, lang } = rec as { segmentId: string; lang: TargetLang };
      place = { segmentId, lang };
    }
    segments.add(place.segmentId);
    touched ??= place;
    if (
      !changed &&
      p.table === "translations" &&
      ((p.before?.text ?? "") !== (p.after?.text ?? "") ||
        (p.before?.status ?? "empty") !== (p.after?.status ?? "empty"))
    ) {
      changed = place;
    }
  }
  return { label, place: changed ?? touched, segments: segments.size };
}

function stepOf(entry: HistoryRecord & { seq: number }): HistoryStep {
  return { ...summarizeStep(entry.label, entry.patches), seq: entry.seq };
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
    return stepOf({ ...entry, seq: entry.seq });
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
    return stepOf({ ...entry, seq: entry.seq });
  });
}

/** The next undo and redo steps (what and where), for menus and tooltips. */
export async function historyState(
  db: SelarasDb,
  docId: string,
): Promise<{ undo: StepSummary | null; redo: StepSummary | null }> {
  const [u, r] = await Promise.all([lastDone(db, docId), firstUndone(db, docId)]);
  return {
    undo: u ? summarizeStep(u.label, u.patches) : null,
    redo: r ? summarizeStep(r.label, r.patches) : null,
  };
}
