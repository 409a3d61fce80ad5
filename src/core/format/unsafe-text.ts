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
export function findXmlUnsafeText(bundle: TextSource): UnsafeTextEntry[] {
  return findTexts(bundle, (text) => stripXmlForbidden(text).removed);
}

/** Documents as the finders read them (a Bundle, or segments walked from a file). */
type TextSource = {
  readonly documents: readonly (Pick<BundleDocument, "id" | "title"> & {
    readonly segments: Iterable<BundleSegment>;
  })[];
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The texts holding half of a character (a lone surrogate, from a damaged file or a cut paste):
 * UTF-8 cannot hold one, so a TSV/CSV file gets U+FFFD in its place (`removed`: how many). The XML
 * writers strip them and findXmlUnsafeText lists them; JSON keeps them as `\udXXX`.
 */
export function findLoneSurrogates(bundle: TextSource): UnsafeTextEntry[] {
  return findTexts(bundle, (text) => text.match(LONE_SURROGATE)?.length ?? 0);
}

function findTexts(bundle: TextSource, count: (text: string) => number): UnsafeTextEntry[] {
  const out: UnsafeTextEntry[] = [];
  for (const doc of bundle.documents) {
    const title = count(doc.title);
    if (title > 0) out.push({ documentId: doc.id, field: "title", removed: title });
    for (const seg of doc.segments) {
      const source = count(seg.source);
      if (source > 0) {
        out.push({ documentId: doc.id, segmentId: seg.id, field: "source", removed: source });
      }
      for (const lang of TARGET_LANGS) {
        const target = seg.targets[lang];
        if (!target) continue;
        const removed = count(target.text);
        if (removed > 0) out.push({ documentId: doc.id, segmentId: seg.id, field: lang, removed });
      }
    }
  }
  return out;
}
