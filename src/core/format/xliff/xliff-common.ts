import type { BundleDocument, BundleSegment } from "../../model/bundle.ts";
import type { Lang, TargetLang } from "../../model/languages.ts";
import type { Status } from "../../model/status.ts";
import type { XliffSegmentShape, XliffStructure } from "./xliff-structure.ts";
import { splitInlineCodes } from "../tmx/inline-codes.ts";
import { xmlText as text } from "../xml/escape-xml.ts";
import { normalizeForXml } from "../xml/xml-chars.ts";

export interface XliffWriteOptions {
  /** The one target language of the file (XLIFF 2.0 allows one per file; 1.2 files follow suit). */
  targetLang: TargetLang;
  /** Only targets with these statuses are written (others become units without a target). */
  statuses?: readonly Status[];
  /** How the segments sat in the XLIFF file they were read from (units, ignorables, translate). */
  structure?: XliffStructure;
  /**
   * XLIFF 2.0 (one `srcLang` per file): the documents of this source language are written
   * (default: that of the first document).
   */
  sourceLang?: Lang;
}

/** One written XLIFF file per target language: `name` is a suggested suffix, e.g. "id-vi". */
export interface XliffFile {
  targetLang: TargetLang;
  text: string;
}

const NMTOKEN_RE = /^[\p{L}\p{Nd}\p{Mn}\p{Mc}._:-]+$/u;

/**
 * Ids as XML NMTOKENs (required by XLIFF 2.0 for file/unit ids): kept when valid and unique,
 * otherwise `${prefix}${n}`. With `anyString` (XLIFF 1.2, whose trans-unit id is an xsd:string,
 * e.g. odf2xliff's "office:document-content[0]/…"), any non-empty unique id is kept.
 */
export function makeIdMapper(prefix: string, anyString = false): (id: string) => string {
  const used = new Set<string>();
  let n = 0;
  return (id) => {
    let out = normalizeForXml(id);
    const ok = anyString ? out !== "" : NMTOKEN_RE.test(out);
    if (!ok || used.has(out)) {
      do out = `${prefix}${++n}`;
      while (used.has(out));
    }
    used.add(out);
    return out;
  };
}

export function documentsWithSegments(documents: readonly BundleDocument[]): BundleDocument[] {
  return documents.filter((d) => d.segments.length > 0);
}

/**
 * Content for XLIFF `<source>`/`<target>`: plain text escaped; each inline-code placeholder becomes
 * `code(native, key)` where key is stable for the same code in source and target of one unit;
 * `<hi>` markers are dropped (their text stays).
 */
export function inlineContent(
  value: string,
  code: (native: string, key: string) => string,
): string {
  const seen = new Map<string, number>();
  let out = "";
  for (const part of splitInlineCodes(value)) {
    if (part.kind === "text") out += text(part.text);
    else if (part.kind === "code") {
      const count = (seen.get(part.xml) ?? 0) + 1;
      seen.set(part.xml, count);
      out += code(part.display, `${part.xml}#${count}`);
    }
  }
  return out;
}

/** Consecutive segments of one unit as read (by their shapes), else each segment alone. */
export function groupUnits(
  segments: readonly BundleSegment[],
  shapes: Map<string, XliffSegmentShape> | undefined,
): { segs: BundleSegment[]; shapes: (XliffSegmentShape | undefined)[]; id: string }[] {
  const out: { segs: BundleSegment[]; shapes: (XliffSegmentShape | undefined)[]; id: string }[] =
    [];
  for (const seg of segments) {
    const shape = shapes?.get(seg.id);
    const last = out[out.length - 1];
    if (shape && shape.count > 1 && last && last.shapes[0]?.unit === shape.unit) {
      last.segs.push(seg);
      last.shapes.push(shape);
      continue;
    }
    out.push({ segs: [seg], shapes: [shape], id: shape ? shape.unit : seg.id });
  }
  return out;
}
