import type { SelarasDb } from "../database.ts";
import type { DocumentRecord } from "../../core/model/records.ts";
import { STATUSES, type Status } from "../../core/model/status.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import { translationId } from "../../core/model/records.ts";
import { countWords } from "../../core/text/word-count.ts";

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

export async function documentsWithProgress(db: SelarasDb): Promise<DocumentWithProgress[]> {
  const docs = await db.documents.orderBy("title").toArray();
  return Promise.all(
    docs.map(async (document) => {
      const progress = {} as Record<TargetLang, StatusCounts>;
      for (const lang of TARGET_LANGS) {
        const counts = emptyCounts();
        for (const status of STATUSES) {
          if (status === "empty") continue;
          counts[status] = await db.translations
            .where("[docId+lang+status]")
            .equals([document.id, lang, status])
            .count();
        }
        const nonEmpty = STATUSES.reduce((n, s) => (s === "empty" ? n : n + counts[s]), 0);
        counts.empty = Math.max(0, document.segmentCount - nonEmpty);
        progress[lang] = counts;
      }
      return { document, progress, words: await wordProgress(db, document.id) };
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

async function wordProgress(
  db: SelarasDb,
  docId: string,
): Promise<Record<TargetLang, StatusCounts>> {
  const [segments, translations] = await Promise.all([
    db.segments.where("docId").equals(docId).toArray(),
    db.translations.where("docId").equals(docId).toArray(),
  ]);
  const status = new Map(translations.map((t) => [t.id, t.status]));
  const words = {} as Record<TargetLang, StatusCounts>;
  for (const lang of TARGET_LANGS) {
    const counts = emptyCounts();
    for (const s of segments)
      counts[status.get(translationId(s.id, lang)) ?? "empty"] += wordsOf(s.source);
    words[lang] = counts;
  }
  return words;
}
