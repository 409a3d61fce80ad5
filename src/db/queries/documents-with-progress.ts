import type { SelarasDb } from "../database.ts";
import type { DocumentRecord } from "../../core/model/records.ts";
import { STATUSES, type Status } from "../../core/model/status.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";

export type StatusCounts = Record<Status, number>;

export interface DocumentWithProgress {
  document: DocumentRecord;
  /** Segments per status, per target language; segments without a target count as "empty". */
  progress: Record<TargetLang, StatusCounts>;
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
      return { document, progress };
    }),
  );
}
