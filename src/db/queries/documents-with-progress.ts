import type { SelarasDb } from "../database.ts";
import type { DocumentRecord } from "../../core/model/records.ts";
import { STATUSES, type Status } from "../../core/model/status.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import { translationId } from "../../core/model/records.ts";
import { countWords } from "../../core/text/word-count.ts";
import { readDocumentRows } from "./segment-rows.ts";

export type StatusCounts = Record<Status, number>;

export interface DocumentWithProgress {
  document: DocumentRecord;
  /** Segments per status, per target language; segments without a target count as "empty". */
  progress: Record<TargetLang, StatusCounts>;
  /** Source words per status, per target language. */
  words: Record<TargetLang, StatusCounts>;
}

function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/**
 * Every document with its progress per target language, in segments and in source words by status.
 * One read of each document's segments and cells gives both (rows without a cell count as "empty").
 */
export async function documentsWithProgress(db: SelarasDb): Promise<DocumentWithProgress[]> {
  const docs = await db.documents.orderBy("title").toArray();
  return Promise.all(
    docs.map(async (document) => {
      // A row counts with the status of the cell covering it (a 2-1 link counts both rows).
      const { segments, view } = await readDocumentRows(db, document.id);
      const status = view.covering;
      const progress = {} as Record<TargetLang, StatusCounts>;
      const words = {} as Record<TargetLang, StatusCounts>;
      for (const lang of TARGET_LANGS) {
        const segmentCounts = emptyCounts();
        const wordCounts = emptyCounts();
        for (const s of segments) {
          const st = status.get(translationId(s.id, lang))?.status ?? "empty";
          segmentCounts[st]++;
          wordCounts[st] += wordsOf(s.source);
        }
        progress[lang] = segmentCounts;
        words[lang] = wordCounts;
      }
      return { document, progress, words };
    }),
  );
}

/** Source word counts by segment, cached per segment text (sources rarely change). */
const wordCache = new Map<string, number>();

function wordsOf(source: string): number {
  let n = wordCache.get(source);
  if (n === undefined) {
    n = countWords(source);
    if (wordCache.size > 200_000) wordCache.clear();
    wordCache.set(source, n);
  }
  return n;
}
