import type {
  Bundle,
  BundleCell,
  BundleDocument,
  BundleSegment,
  BundleTarget,
} from "../../model/bundle.ts";
import { TARGET_LANGS } from "../../model/languages.ts";
import { JSON_FORMAT, JSON_FORMAT_VERSION } from "./format-version.ts";

export { JSON_FORMAT, JSON_FORMAT_VERSION };

export interface JsonExportMeta {
  exportedAt: Date;
  toolVersion: string;
}

/** Copies only the known keys, in a fixed order, so exports are stable and carry nothing else. */
function target(t: BundleTarget): Record<string, unknown> {
  return {
    text: t.text,
    status: t.status,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    changedBy: t.changedBy,
    changedAt: t.changedAt,
  };
}

function segment(s: BundleSegment): Record<string, unknown> {
  const targets: Record<string, unknown> = {};
  for (const lang of TARGET_LANGS) {
    const t = s.targets[lang];
    if (t) targets[lang] = target(t);
  }
  return { id: s.id, paragraph: s.paragraph, source: s.source, targets };
}

function cell(c: BundleCell): Record<string, unknown> {
  return {
    span: c.span,
    ...target(c),
    origin: c.origin,
    confidence: c.confidence,
    locked: c.locked,
  };
}

function document(d: BundleDocument): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: d.id,
    title: d.title,
    sourceLang: d.sourceLang,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    segments: d.segments.map(segment),
  };
  if (d.alignment) {
    const alignment: Record<string, unknown> = {};
    for (const lang of TARGET_LANGS) {
      const cells = d.alignment[lang];
      if (cells) alignment[lang] = cells.map(cell);
    }
    out["alignment"] = alignment;
  }
  return out;
}

/**
 * Writes our JSON format (docs/json-schema/selaras-json-v1.schema.json). Text is written exactly as
 * stored (no normalization), so `readJson(writeJson(b))` deep-equals `b`.
 */
export function writeJson(bundle: Bundle, meta: JsonExportMeta): string {
  const payload = {
    format: JSON_FORMAT,
    formatVersion: JSON_FORMAT_VERSION,
    exportedAt: meta.exportedAt.toISOString(),
    toolVersion: meta.toolVersion,
    documents: bundle.documents.map(document),
  };
  return `${JSON.stringify(payload, null, 2)}\n`;
}
