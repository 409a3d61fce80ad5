import type {
  Bundle,
  BundleCell,
  BundleComment,
  BundleRevision,
  BundleDocument,
  BundleSegment,
  BundleTarget,
} from "../../model/bundle.ts";
import { LANGS, TARGET_LANGS } from "../../model/languages.ts";
import type { TmxElementMeta, TmxUnitExtras } from "../tmx/tmx-extras.ts";
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
    ...(t.competing && t.competing.length > 0
      ? {
          competing: t.competing.map((c) => ({
            text: c.text,
            status: c.status,
            by: c.by,
            at: c.at,
            source: c.source,
          })),
        }
      : {}),
  };
}

function comment(c: BundleComment): Record<string, unknown> {
  return {
    id: c.id,
    author: c.author,
    at: c.at,
    text: c.text,
    open: c.open,
    resolvedBy: c.resolvedBy,
    resolvedAt: c.resolvedAt,
  };
}

function revision(r: BundleRevision): Record<string, unknown> {
  return {
    segmentId: r.segmentId,
    lang: r.lang,
    cellId: r.cellId,
    text: r.text,
    status: r.status,
    user: r.user,
    at: r.at,
    action: r.action,
  };
}

function segment(s: BundleSegment): Record<string, unknown> {
  const targets: Record<string, unknown> = {};
  for (const lang of TARGET_LANGS) {
    const t = s.targets[lang];
    if (t) targets[lang] = target(t);
  }
  const out: Record<string, unknown> = {
    id: s.id,
    paragraph: s.paragraph,
    source: s.source,
    targets,
  };
  const comments: Record<string, unknown> = {};
  for (const lang of TARGET_LANGS) {
    const list = s.comments?.[lang];
    if (list && list.length > 0) comments[lang] = list.map(comment);
  }
  if (Object.keys(comments).length > 0) out["comments"] = comments;
  return out;
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

/** A copy of a record keyed by a file's own names ("__proto__" kept as a key). */
function copy(r: Record<string, string>): Record<string, string> {
  return Object.assign(Object.create(null) as Record<string, string>, r);
}

function meta(m: TmxElementMeta): Record<string, unknown> {
  return {
    attrs: copy(m.attrs),
    annotations: m.annotations.map((a) => ({ kind: a.kind, attrs: copy(a.attrs), text: a.text })),
    ...(m.udes && m.udes.length > 0
      ? { udes: m.udes.map((u) => ({ attrs: copy(u.attrs), maps: u.maps.map(copy) })) }
      : {}),
  };
}

function tmxUnit(u: TmxUnitExtras): Record<string, unknown> {
  const variants: Record<string, unknown> = {};
  for (const lang of LANGS) {
    const v = u.variants[lang];
    if (v) variants[lang] = meta(v);
  }
  return {
    tu: meta(u.tu),
    variants,
    others: u.others.map((o) => ({ tag: o.tag, text: o.text, meta: meta(o.meta) })),
  };
}

function tmxMeta(t: NonNullable<BundleDocument["tmx"]>): Record<string, unknown> {
  const units = Object.create(null) as Record<string, unknown>;
  for (const [id, u] of Object.entries(t.units)) units[id] = tmxUnit(u);
  return { ...(t.header ? { header: meta(t.header) } : {}), units };
}

function document(d: BundleDocument): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: d.id,
    title: d.title,
    sourceLang: d.sourceLang,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    baseline: d.baseline,
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
  if (d.revisions && d.revisions.length > 0) out["revisions"] = d.revisions.map(revision);
  if (d.qaDismissals && d.qaDismissals.length > 0)
    out["qaDismissals"] = d.qaDismissals.map((q) => ({
      segmentId: q.segmentId,
      lang: q.lang,
      code: q.code,
      fingerprint: q.fingerprint,
      reason: q.reason,
      by: q.by,
      at: q.at,
    }));
  if (d.tmx) out["tmx"] = tmxMeta(d.tmx);
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
