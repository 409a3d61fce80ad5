import type { SelarasDb } from "../database.ts";
import type { Lang } from "../../core/model/languages.ts";
import type { DocumentOrigin, DocumentRecord, SegmentRecord } from "../../core/model/records.ts";
import { initialKeys } from "../../core/model/order-key.ts";
import { AppError } from "../../core/model/app-error.ts";
import { segmentParagraph } from "../../core/segment/segment.ts";
import { splitParagraphs } from "../../core/text/paragraphs.ts";
import { checkDocumentLimits } from "../../core/model/limits.ts";
import { newId, nowIso } from "../ids.ts";

export interface NewDocumentInput {
  title: string;
  sourceLang: Lang;
  text: string;
  origin: DocumentOrigin;
}

export interface BuiltDocument {
  document: DocumentRecord;
  segments: SegmentRecord[];
}

/**
 * Segments a text and builds the records of a new document (no I/O). `onProgress` hears the
 * fraction of the paragraphs segmented (a 64 MB text takes a while: the import worker reports it).
 */
export function buildDocument(
  input: NewDocumentInput,
  at: string = nowIso(),
  onProgress?: (fraction: number) => void,
): BuiltDocument {
  const paragraphs = splitParagraphs(input.text);
  const docId = newId("d");
  const flat: { paragraph: number; source: string }[] = [];
  paragraphs.forEach((text, paragraph) => {
    for (const source of segmentParagraph(text, input.sourceLang)) flat.push({ paragraph, source });
    if (onProgress && (paragraph % 64 === 63 || paragraph === paragraphs.length - 1))
      onProgress((paragraph + 1) / paragraphs.length);
  });
  if (flat.length === 0) {
    throw new AppError("import.noText", { file: input.title });
  }
  const keys = initialKeys(flat.length);
  const segments = flat.map((s, i): SegmentRecord => ({
    id: newId("s"),
    docId,
    order: keys[i] ?? String(i),
    paragraph: s.paragraph,
    source: s.source,
  }));
  const document: DocumentRecord = {
    id: docId,
    title: input.title.trim() || input.title,
    sourceLang: input.sourceLang,
    origin: input.origin,
    segmentCount: segments.length,
    createdAt: at,
    updatedAt: at,
  };
  return { document, segments };
}

/** Imports documents all-or-nothing: either every one is stored, or none (the error says which). */
export async function importDocuments(
  db: SelarasDb,
  inputs: NewDocumentInput[],
): Promise<string[]> {
  return storeBuiltDocuments(
    db,
    inputs.map((input) => buildDocument(input)),
  );
}

/** Stores documents built by `buildDocument` (in a worker, say), all or nothing. */
export async function storeBuiltDocuments(
  db: SelarasDb,
  built: readonly BuiltDocument[],
): Promise<string[]> {
  // Every document is checked before any is written (all or nothing).
  for (const b of built) checkDocumentLimits(b.document.title, b.segments);
  await db.transaction("rw", db.documents, db.segments, async () => {
    for (const b of built) {
      await db.documents.add(b.document);
      await db.segments.bulkAdd(b.segments);
    }
  });
  return built.map((b) => b.document.id);
}
