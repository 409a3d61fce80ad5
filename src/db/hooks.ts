import { useLiveQuery } from "dexie-react-hooks";
import { useDb } from "./db-context.ts";
import { documentsWithProgress } from "./queries/documents-with-progress.ts";
import { segmentsOf, translationsOf } from "./queries/segment-rows.ts";

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

/** Live: the document's translations keyed by `segmentId:lang`. */
export function useTranslations(docId: string) {
  const db = useDb();
  return useLiveQuery(() => translationsOf(db, docId), [db, docId]);
}

export function useCorpusUpdates() {
  const db = useDb();
  return useLiveQuery(() => db.corpusUpdates.toArray(), [db]);
}
