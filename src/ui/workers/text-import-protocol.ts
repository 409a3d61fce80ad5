import type { Lang } from "../../core/model/languages.ts";
import type { DocumentOrigin } from "../../core/model/records.ts";
import { decodeText } from "../../core/format/txt/decode.ts";
import { buildDocument, type BuiltDocument } from "../../db/operations/import-documents.ts";

/**
 * Texts to become documents, segmented in the text-import worker (`text-import-async.ts`) with
 * progress: a text file may be 64 MB (README "Limits"), seconds of segmenting that must not freeze
 * the page. Files come as their bytes (decoded in the worker); pasted text as it is.
 */
export type TextImportItem =
  | { kind: "file"; bytes: Uint8Array; fileName: string; title: string; sourceLang: Lang }
  | { kind: "text"; text: string; title: string; sourceLang: Lang };

export interface TextImportRequest {
  items: readonly TextImportItem[];
}

/** Decodes and segments every item; progress by characters segmented over all items. */
export function runTextImportJob(
  request: TextImportRequest,
  onProgress: (fraction: number) => void = () => undefined,
): BuiltDocument[] {
  const texts = request.items.map((item) =>
    item.kind === "file" ? decodeText(item.bytes, item.fileName) : item.text,
  );
  const total = texts.reduce((n, t) => n + t.length, 0) || 1;
  let before = 0;
  const at = new Date().toISOString();
  return request.items.map((item, k) => {
    const text = texts[k] ?? "";
    const origin: DocumentOrigin =
      item.kind === "file" ? { kind: "user", fileName: item.fileName } : { kind: "user" };
    const built = buildDocument(
      { title: item.title, sourceLang: item.sourceLang, text, origin },
      at,
      (fraction) => onProgress((before + fraction * text.length) / total),
    );
    before += text.length;
    return built;
  });
}
