import type { BundleDocument } from "../model/bundle.ts";
import { hashText } from "../util/hash.ts";

/**
 * The id of a document read from a file that carries no document id of its own (a TMX without
 * Selaras's x-document-id, an XLIFF `<file>` without id, a TSV/CSV table): derived from what the
 * file is, never a constant, so two unrelated files never pass for the same document while
 * importing the same file again is recognized as such. `prefix` names the format ("tmx-…").
 * Hashed: the file name, the document's title and source language, and every source segment in
 * order (targets are left out: a reviewer's edited copy of the file is still the same document).
 */
export function contentDocumentId(
  prefix: string,
  fileName: string,
  doc: Pick<BundleDocument, "title" | "sourceLang"> & {
    readonly segments: Iterable<{ readonly source: string }>;
  },
): string {
  // The segment count comes before the sources; segments may be a walk that knows no length.
  const parts = [fileName, doc.title, doc.sourceLang, ""];
  for (const s of doc.segments) parts.push(s.source);
  parts[3] = String(parts.length - 4);
  return `${prefix}-${hashText(parts.join("\u0000"))}`;
}
