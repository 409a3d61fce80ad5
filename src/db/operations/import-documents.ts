import type { SelarasDb } from "../database.ts";
import type { Lang } from "../../core/model/languages.ts";
import type { DocumentOrigin, DocumentRecord, SegmentRecord } from "../../core/model/records.ts";
import { initialKeys } from "../../core/model/order-key.ts";
import { AppError } from "../../core/model/app-error.ts";
import { segmentText } from "../../core/segment/segment.ts";
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

/** Segments a text and builds the records of a new document (no I/O). */
export function buildDocument(input: NewDocumentInput, at: string = nowIso()): BuiltDocument {
  const paragraphs = segmentText(input.text, input.sourceLang);
  const docId = newId("d");
  const flat = paragraphs.flatMap((p) =>
    p.sentences.map((source) => ({ paragraph: p.paragraph, source })),
  );
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
  const built = inputs.map((input) => buildDocument(input));
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
