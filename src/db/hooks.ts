import { useEffect, useState } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { useDb } from "./db-context.ts";
import type { SelarasDb } from "./database.ts";
import { documentsWithProgress } from "./queries/documents-with-progress.ts";
import { segmentsOf } from "./queries/segment-rows.ts";
import { watchCells } from "./queries/live-cells.ts";
import { getProfile } from "./operations/profile.ts";
import { historyState } from "./operations/history.ts";
import { getCustomSegmentation } from "./operations/segmentation-settings.ts";
import { getRepetitionSettings } from "./operations/repetitions.ts";
import type { CommentRecord, TranslationRecord } from "../core/model/records.ts";
import { refusedChanges } from "./sync/refused.ts";

/** Live: every document with its progress per target language (undefined while loading). */
export function useDocuments() {
  const db = useDb();
  return useLiveQuery(() => documentsWithProgress(db), [db]);
}

export function useDocument(docId: string) {
  const db = useDb();
  return useLiveQuery(async () => (await db.documents.get(docId)) ?? null, [db, docId]);
}

/** Live: the document's segments in order (changes only when rows are split, merged or moved). */
export function useSegments(docId: string) {
  const db = useDb();
  return useLiveQuery(() => segmentsOf(db, docId), [db, docId]);
}

/** How many rows are read first, so a long document paints before all its rows are loaded. */
export const FIRST_ROWS = 120;

/**
 * Live, progressive: the first FIRST_ROWS segments as soon as they are read, then all of them.
 * `complete` says whether `segments` is the whole document yet.
 */
export function useSegmentsProgressive(docId: string) {
  const db = useDb();
  const head = useLiveQuery(
    () =>
      db.segments
        .where("[docId+order]")
        .between([docId, ""], [docId, "\uffff"])
        .limit(FIRST_ROWS)
        .toArray(),
    [db, docId],
  );
  const all = useSegments(docId);
  return { segments: all ?? head, complete: all !== undefined };
}

/**
 * Live: the document's target cells (lay them over the rows with core/align-edit rowView), read
 * whole once and then kept up to date with only the records each write changed (`watchCells`): a
 * save in a 10,000-row document reads one cell, not all of them. Undefined while loading.
 */
export function useCells(docId: string): readonly TranslationRecord[] | undefined {
  const db = useDb();
  const [state, setState] = useState<{
    db: SelarasDb;
    docId: string;
    cells?: readonly TranslationRecord[];
    error?: unknown;
  }>();
  useEffect(
    () =>
      watchCells(
        db,
        docId,
        (cells) => setState({ db, docId, cells }),
        (error) => setState({ db, docId, error }),
      ),
    [db, docId],
  );
  if (state?.db !== db || state.docId !== docId) return undefined;
  // As useLiveQuery does: a failed read reaches the error boundary.
  if (state.error !== undefined) throw state.error;
  return state.cells;
}

export function useCorpusUpdates() {
  const db = useDb();
  return useLiveQuery(() => db.corpusUpdates.toArray(), [db]);
}

/** Live: the local profile; null until the user has given one, undefined while loading. */
export function useProfile() {
  const db = useDb();
  return useLiveQuery(() => getProfile(db), [db]);
}

/** Live: labels of the next undo and redo steps of a document. */
export function useHistoryState(docId: string) {
  const db = useDb();
  return useLiveQuery(() => historyState(db, docId), [db, docId]);
}

/** Live: the document's comments grouped by `segmentId:lang`. */
export function useComments(docId: string) {
  const db = useDb();
  return useLiveQuery(async () => {
    const rows = await db.comments
      .where("[docId+open]")
      .between([docId, 0], [docId, 1], true, true)
      .sortBy("at");
    const byCell = new Map<string, CommentRecord[]>();
    for (const c of rows) {
      const key = `${c.segmentId}:${c.lang}`;
      const list = byCell.get(key);
      if (list) list.push(c);
      else byCell.set(key, [c]);
    }
    return byCell;
  }, [db, docId]);
}

/** Live: the revisions of one target, oldest first. */
export function useRevisions(translationId: string | null) {
  const db = useDb();
  return useLiveQuery(
    async () =>
      translationId ? db.revisions.where("translationId").equals(translationId).sortBy("id") : [],
    [db, translationId],
  );
}

/** Live: how many units the project's translation memory holds. */
export function useMemorySize() {
  const db = useDb();
  return useLiveQuery(() => db.memory.count(), [db]);
}

/** Live: the project's segmentation rules (abbreviations and rules per language). */
export function useCustomSegmentation() {
  const db = useDb();
  return useLiveQuery(() => getCustomSegmentation(db), [db]);
}

/** Live: the project's repetition settings (issue 15). */
export function useRepetitionSettings() {
  const db = useDb();
  return useLiveQuery(() => getRepetitionSettings(db), [db]);
}

/** Live: one target cell by id (null when it does not exist yet, undefined while loading). */
export function useCell(cellId: string | null) {
  const db = useDb();
  return useLiveQuery(
    async () => (cellId ? ((await db.translations.get(cellId)) ?? null) : null),
    [db, cellId],
  );
}

/** Live: mutations waiting to be sent, for one project or all of them. */
export function usePendingCount(projectId?: string) {
  const db = useDb();
  return useLiveQuery(
    () =>
      projectId === undefined
        ? db.outbox.count()
        : db.outbox.where("projectId").equals(projectId).count(),
    [db, projectId],
  );
}

/** Live: the team projects this browser has joined (name, role, languages, sync progress). */
export function useProjects() {
  const db = useDb();
  return useLiveQuery(() => db.syncState.toArray(), [db]);
}

/** Live: the project's changes the server refused, oldest first (to show and re-apply). */
export function useRefusedChanges(projectId: string) {
  const db = useDb();
  return useLiveQuery(() => refusedChanges(db, projectId), [db, projectId]);
}

/** Live: how many cells of the document are in conflict (have competing versions). */
export function useConflictCount(docId: string) {
  const db = useDb();
  return useLiveQuery(
    () =>
      db.translations
        .where("docId")
        .equals(docId)
        .filter((t) => (t.competing?.length ?? 0) > 0)
        .count(),
    [db, docId],
  );
}
