import type { SelarasDb } from "./database.ts";
import type { Lang } from "../core/model/languages.ts";
import { hashText } from "../core/util/hash.ts";
import { titleFromFileName } from "../core/util/title.ts";
import { buildDocument } from "./operations/import-documents.ts";
import { nowIso } from "./ids.ts";

export interface CorpusFile {
  /** Path relative to corpus/, e.g. "id/konvensi-hanoi.txt". */
  path: string;
  text: string;
}

interface CorpusState {
  docId: string;
  hash: string;
}

export interface CorpusSyncResult {
  imported: string[];
  updatesOffered: string[];
}

const metaKey = (path: string) => `corpus:${path}`;

/**
 * First start: imports every corpus file not seen before. Later starts never duplicate or overwrite:
 * a file whose text changed since its import is recorded as an offered update (corpusUpdates), which
 * the user applies or dismisses. One transaction, so two tabs starting at once cannot both import.
 */
export async function syncCorpus(
  db: SelarasDb,
  files: readonly CorpusFile[],
  sourceLang: Lang = "id",
): Promise<CorpusSyncResult> {
  const result: CorpusSyncResult = { imported: [], updatesOffered: [] };
  await db.transaction("rw", [db.meta, db.documents, db.segments, db.corpusUpdates], async () => {
    for (const file of files) {
      const hash = hashText(file.text);
      const state = (await db.meta.get(metaKey(file.path)))?.value as CorpusState | undefined;
      if (!state) {
        const built = buildDocument({
          title: titleFromFileName(file.path),
          sourceLang,
          text: file.text,
          origin: { kind: "corpus", path: file.path, hash },
        });
        await db.documents.add(built.document);
        await db.segments.bulkAdd(built.segments);
        await db.meta.put({ key: metaKey(file.path), value: { docId: built.document.id, hash } });
        result.imported.push(file.path);
        continue;
      }
      if (state.hash === hash) continue;
      const offered = await db.corpusUpdates.get(file.path);
      if (offered?.hash === hash) continue;
      await db.corpusUpdates.put({
        path: file.path,
        docId: state.docId,
        hash,
        text: file.text,
        detectedAt: nowIso(),
      });
      result.updatesOffered.push(file.path);
    }
  });
  return result;
}

/**
 * Applies an offered corpus update as a new document, leaving the old document and its translations
 * untouched ("accept"), or dismisses it until the file changes again ("dismiss").
 */
export async function resolveCorpusUpdate(
  db: SelarasDb,
  path: string,
  action: "accept" | "dismiss",
): Promise<string | null> {
  return db.transaction("rw", [db.meta, db.documents, db.segments, db.corpusUpdates], async () => {
    const update = await db.corpusUpdates.get(path);
    if (!update) return null;
    await db.corpusUpdates.delete(path);
    if (action === "dismiss") {
      await db.meta.put({ key: metaKey(path), value: { docId: update.docId, hash: update.hash } });
      return null;
    }
    const old = await db.documents.get(update.docId);
    const built = buildDocument({
      title: old ? old.title : titleFromFileName(path),
      sourceLang: old?.sourceLang ?? "id",
      text: update.text,
      origin: { kind: "corpus", path, hash: update.hash },
    });
    await db.documents.add(built.document);
    await db.segments.bulkAdd(built.segments);
    await db.meta.put({
      key: metaKey(path),
      value: { docId: built.document.id, hash: update.hash },
    });
    return built.document.id;
  });
}
