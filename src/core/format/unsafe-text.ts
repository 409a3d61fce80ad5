import type { BundleDocument, BundleSegment } from "../model/bundle.ts";
import type { TargetLang } from "../model/languages.ts";
import { TARGET_LANGS } from "../model/languages.ts";
import { stripXmlForbidden } from "./xml/xml-chars.ts";

/** One place where XML writers had to drop characters that XML 1.0 forbids. */
export interface UnsafeTextEntry {
  documentId: string;
  /** Absent for document-level fields (the title). */
  segmentId?: string;
  field: "title" | "source" | TargetLang;
  /** Number of UTF-16 code units that will be removed. */
  removed: number;
}

/**
 * Lists the texts that the XML writers (TMX, XLIFF) will alter by stripping forbidden characters,
 * so the UI can warn with the affected segments before or after an export.
 */
export function findXmlUnsafeText(bundle: {
  readonly documents: readonly (Pick<BundleDocument, "id" | "title"> & {
    readonly segments: Iterable<BundleSegment>;
  })[];
}): UnsafeTextEntry[] {
  const out: UnsafeTextEntry[] = [];
  for (const doc of bundle.documents) {
    const title = stripXmlForbidden(doc.title).removed;
    if (title > 0) out.push({ documentId: doc.id, field: "title", removed: title });
    for (const seg of doc.segments) {
      const source = stripXmlForbidden(seg.source).removed;
      if (source > 0) {
        out.push({ documentId: doc.id, segmentId: seg.id, field: "source", removed: source });
      }
      for (const lang of TARGET_LANGS) {
        const target = seg.targets[lang];
        if (!target) continue;
        const removed = stripXmlForbidden(target.text).removed;
        if (removed > 0) out.push({ documentId: doc.id, segmentId: seg.id, field: lang, removed });
      }
    }
  }
  return out;
}
