import { AppError } from "../../model/app-error.ts";
import type {
  Bundle,
  BundleCell,
  BundleComment,
  BundleDocument,
  BundleQaDismissal,
  BundleRevision,
  BundleSegment,
  BundleTarget,
  BundleTmxMeta,
} from "../../model/bundle.ts";
import { isLang, isTargetLang, LANGS, TARGET_LANGS } from "../../model/languages.ts";
import type { TmxElementMeta, TmxUnitExtras } from "../tmx/tmx-extras.ts";
import { isStatus } from "../../model/status.ts";
import type { RawExport } from "./restore.ts";

/**
 * Validates a current-version export and builds the Bundle from known keys only (unknown keys are
 * dropped, optional keys left absent). Throws json.invalid {path, expected} or
 * json.duplicate-id {path, id}.
 */
type Fail = (path: string, expected: string) => never;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown, path: string, fail: Fail): string {
  if (typeof value !== "string") fail(path, "string");
  return value as string;
}

function optionalStr(obj: Record<string, unknown>, key: string, path: string, fail: Fail) {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  return str(value, `${path}.${key}`, fail);
}

function obj(value: unknown, path: string, fail: Fail): Record<string, unknown> {
  if (!isObject(value)) fail(path, "object");
  return value as Record<string, unknown>;
}

function arr(value: unknown, path: string, fail: Fail): unknown[] {
  if (!Array.isArray(value)) fail(path, "array");
  return value as unknown[];
}

function readTarget(value: unknown, path: string, fail: Fail): BundleTarget {
  const o = obj(value, path, fail);
  const status = str(o["status"], `${path}.status`, fail);
  if (!isStatus(status)) fail(`${path}.status`, "status");
  const target: BundleTarget = {
    text: str(o["text"], `${path}.text`, fail),
    status: status as BundleTarget["status"],
  };
  for (const key of ["createdBy", "createdAt", "changedBy", "changedAt"] as const) {
    const v = optionalStr(o, key, path, fail);
    if (v !== undefined) target[key] = v;
  }
  if (o["competing"] !== undefined && o["competing"] !== null) {
    target.competing = arr(o["competing"], `${path}.competing`, fail).map((c, k) => {
      const p = `${path}.competing[${k}]`;
      const co = obj(c, p, fail);
      const source = co["source"] ?? "import";
      if (source !== "sync" && source !== "import") fail(`${p}.source`, '"sync" or "import"');
      const cstatus = str(co["status"], `${p}.status`, fail);
      if (!isStatus(cstatus)) fail(`${p}.status`, "status");
      return {
        text: str(co["text"], `${p}.text`, fail),
        status: cstatus,
        by: str(co["by"] ?? "", `${p}.by`, fail),
        at: str(co["at"] ?? "", `${p}.at`, fail),
        source: source as "sync" | "import",
      };
    });
  }
  return target;
}

function readComment(value: unknown, path: string, fail: Fail): BundleComment {
  const o = obj(value, path, fail);
  const id = str(o["id"], `${path}.id`, fail);
  if (id === "") fail(`${path}.id`, "non-empty string");
  const open = o["open"] ?? true;
  if (typeof open !== "boolean") fail(`${path}.open`, "boolean");
  const c: BundleComment = {
    id,
    author: str(o["author"], `${path}.author`, fail),
    at: str(o["at"], `${path}.at`, fail),
    text: str(o["text"], `${path}.text`, fail),
    open: open as boolean,
  };
  for (const key of ["resolvedBy", "resolvedAt"] as const) {
    const v = optionalStr(o, key, path, fail);
    if (v !== undefined) c[key] = v;
  }
  return c;
}

function readRevision(value: unknown, path: string, fail: Fail): BundleRevision {
  const o = obj(value, path, fail);
  const lang = str(o["lang"], `${path}.lang`, fail);
  if (!isTargetLang(lang)) fail(`${path}.lang`, "target language");
  const status = str(o["status"], `${path}.status`, fail);
  if (!isStatus(status)) fail(`${path}.status`, "status");
  const r: BundleRevision = {
    segmentId: str(o["segmentId"], `${path}.segmentId`, fail),
    lang: lang as BundleRevision["lang"],
    text: str(o["text"], `${path}.text`, fail),
    status: status as BundleRevision["status"],
    user: str(o["user"], `${path}.user`, fail),
    at: str(o["at"], `${path}.at`, fail),
    action: str(o["action"], `${path}.action`, fail),
  };
  const cellId = optionalStr(o, "cellId", path, fail);
  if (cellId !== undefined) r.cellId = cellId;
  return r;
}

function readQaDismissal(value: unknown, path: string, fail: Fail): BundleQaDismissal {
  const o = obj(value, path, fail);
  const lang = str(o["lang"], `${path}.lang`, fail);
  if (!isTargetLang(lang)) fail(`${path}.lang`, "target language");
  const field = (key: string) => str(o[key], `${path}.${key}`, fail);
  return {
    segmentId: field("segmentId"),
    lang: lang as BundleQaDismissal["lang"],
    code: field("code"),
    fingerprint: field("fingerprint"),
    reason: field("reason"),
    by: field("by"),
    at: field("at"),
  };
}

/** A record keyed by a file's own names or ids ("__proto__" is a key like any other). */
function nullProto<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** An object whose every value is a string (attributes, a `<ude>`'s map). */
function strings(value: unknown, path: string, fail: Fail): Record<string, string> {
  const o = obj(value ?? {}, path, fail);
  const out = nullProto<string>();
  for (const [k, v] of Object.entries(o)) out[k] = str(v, `${path}.${k}`, fail);
  return out;
}

function readTmxElementMeta(value: unknown, path: string, fail: Fail): TmxElementMeta {
  const o = obj(value, path, fail);
  const meta: TmxElementMeta = {
    attrs: strings(o["attrs"], `${path}.attrs`, fail),
    annotations: arr(o["annotations"] ?? [], `${path}.annotations`, fail).map((a, k) => {
      const p = `${path}.annotations[${k}]`;
      const ao = obj(a, p, fail);
      const kind = ao["kind"];
      if (kind !== "note" && kind !== "prop") fail(`${p}.kind`, '"note" or "prop"');
      return {
        kind: kind as "note" | "prop",
        attrs: strings(ao["attrs"], `${p}.attrs`, fail),
        text: str(ao["text"], `${p}.text`, fail),
      };
    }),
  };
  if (o["udes"] !== undefined && o["udes"] !== null) {
    meta.udes = arr(o["udes"], `${path}.udes`, fail).map((u, k) => {
      const p = `${path}.udes[${k}]`;
      const uo = obj(u, p, fail);
      return {
        attrs: strings(uo["attrs"], `${p}.attrs`, fail),
        maps: arr(uo["maps"] ?? [], `${p}.maps`, fail).map((m, j) =>
          strings(m, `${p}.maps[${j}]`, fail),
        ),
      };
    });
  }
  return meta;
}

function readTmxUnit(value: unknown, path: string, fail: Fail): TmxUnitExtras {
  const o = obj(value, path, fail);
  const rawVariants = obj(o["variants"] ?? {}, `${path}.variants`, fail);
  const variants: TmxUnitExtras["variants"] = {};
  for (const lang of LANGS) {
    const v = rawVariants[lang];
    if (v !== undefined && v !== null)
      variants[lang] = readTmxElementMeta(v, `${path}.variants.${lang}`, fail);
  }
  return {
    tu: readTmxElementMeta(o["tu"] ?? {}, `${path}.tu`, fail),
    variants,
    others: arr(o["others"] ?? [], `${path}.others`, fail).map((x, k) => {
      const p = `${path}.others[${k}]`;
      const xo = obj(x, p, fail);
      const tag = str(xo["tag"], `${p}.tag`, fail);
      if (tag === "") fail(`${p}.tag`, "language tag");
      return {
        tag,
        text: str(xo["text"], `${p}.text`, fail),
        meta: readTmxElementMeta(xo["meta"] ?? {}, `${p}.meta`, fail),
      };
    }),
  };
}

function readTmxMeta(value: unknown, path: string, fail: Fail): BundleTmxMeta {
  const o = obj(value, path, fail);
  const units = nullProto<TmxUnitExtras>();
  const raw = obj(o["units"] ?? {}, `${path}.units`, fail);
  for (const [id, u] of Object.entries(raw))
    units[id] = readTmxUnit(u, `${path}.units.${id}`, fail);
  const meta: BundleTmxMeta = { units };
  if (o["header"] !== undefined && o["header"] !== null)
    meta.header = readTmxElementMeta(o["header"], `${path}.header`, fail);
  return meta;
}

const ORIGINS = ["typed", "alignment", "import"] as const;

function readCell(value: unknown, path: string, fail: Fail): BundleCell {
  const o = obj(value, path, fail);
  const span = o["span"];
  if (typeof span !== "number" || !Number.isSafeInteger(span) || span < 0) {
    fail(`${path}.span`, "integer >= 0");
  }
  const origin = o["origin"] ?? "import";
  if (!ORIGINS.includes(origin as (typeof ORIGINS)[number])) fail(`${path}.origin`, "origin");
  const confidence = o["confidence"] ?? null;
  if (
    confidence !== null &&
    (typeof confidence !== "number" || !(confidence >= 0 && confidence <= 1))
  ) {
    fail(`${path}.confidence`, "number 0..1 or null");
  }
  const locked = o["locked"] ?? false;
  if (typeof locked !== "boolean") fail(`${path}.locked`, "boolean");
  return {
    ...readTarget(o, path, fail),
    span: span as number,
    origin: origin as BundleCell["origin"],
    confidence: confidence as number | null,
    locked: locked as boolean,
  };
}

function readSegment(value: unknown, path: string, fail: Fail): BundleSegment {
  const o = obj(value, path, fail);
  const paragraph = o["paragraph"];
  if (typeof paragraph !== "number" || !Number.isSafeInteger(paragraph) || paragraph < 0) {
    fail(`${path}.paragraph`, "integer >= 0");
  }
  const id = str(o["id"], `${path}.id`, fail);
  if (id === "") fail(`${path}.id`, "non-empty string");
  const targetsRaw = obj(o["targets"] ?? {}, `${path}.targets`, fail);
  const targets: BundleSegment["targets"] = {};
  for (const lang of TARGET_LANGS) {
    const t = targetsRaw[lang];
    if (t !== undefined && t !== null)
      targets[lang] = readTarget(t, `${path}.targets.${lang}`, fail);
  }
  const segment: BundleSegment = {
    id,
    paragraph: paragraph as number,
    source: str(o["source"], `${path}.source`, fail),
    targets,
  };
  if (o["comments"] !== undefined && o["comments"] !== null) {
    const raw = obj(o["comments"], `${path}.comments`, fail);
    const comments: NonNullable<BundleSegment["comments"]> = {};
    for (const lang of TARGET_LANGS) {
      if (raw[lang] === undefined || raw[lang] === null) continue;
      comments[lang] = arr(raw[lang], `${path}.comments.${lang}`, fail).map((c, k) =>
        readComment(c, `${path}.comments.${lang}[${k}]`, fail),
      );
    }
    if (Object.keys(comments).length > 0) segment.comments = comments;
  }
  return segment;
}

function readDocument(value: unknown, path: string, fail: Fail): BundleDocument {
  const o = obj(value, path, fail);
  const id = str(o["id"], `${path}.id`, fail);
  if (id === "") fail(`${path}.id`, "non-empty string");
  const sourceLang = str(o["sourceLang"], `${path}.sourceLang`, fail);
  if (!isLang(sourceLang)) fail(`${path}.sourceLang`, "language");
  const doc: BundleDocument = {
    id,
    title: str(o["title"], `${path}.title`, fail),
    sourceLang: sourceLang as BundleDocument["sourceLang"],
    segments: [],
  };
  for (const key of ["createdAt", "updatedAt", "baseline"] as const) {
    const v = optionalStr(o, key, path, fail);
    if (v !== undefined) doc[key] = v;
  }
  doc.segments = arr(o["segments"], `${path}.segments`, fail).map((s, i) =>
    readSegment(s, `${path}.segments[${i}]`, fail),
  );
  if (o["alignment"] !== undefined && o["alignment"] !== null) {
    const raw = obj(o["alignment"], `${path}.alignment`, fail);
    const alignment: NonNullable<BundleDocument["alignment"]> = {};
    for (const lang of TARGET_LANGS) {
      if (raw[lang] === undefined || raw[lang] === null) continue;
      alignment[lang] = arr(raw[lang], `${path}.alignment.${lang}`, fail).map((c, k) =>
        readCell(c, `${path}.alignment.${lang}[${k}]`, fail),
      );
    }
    doc.alignment = alignment;
  }
  if (o["revisions"] !== undefined && o["revisions"] !== null) {
    doc.revisions = arr(o["revisions"], `${path}.revisions`, fail).map((r, k) =>
      readRevision(r, `${path}.revisions[${k}]`, fail),
    );
  }
  if (o["qaDismissals"] !== undefined && o["qaDismissals"] !== null) {
    doc.qaDismissals = arr(o["qaDismissals"], `${path}.qaDismissals`, fail).map((q, k) =>
      readQaDismissal(q, `${path}.qaDismissals[${k}]`, fail),
    );
  }
  if (o["tmx"] !== undefined && o["tmx"] !== null) {
    doc.tmx = readTmxMeta(o["tmx"], `${path}.tmx`, fail);
  }
  return doc;
}

export function validateExport(raw: RawExport, file?: string): Bundle {
  const fileParams: Record<string, string> = file ? { file } : {};
  const fail: Fail = (path, expected) => {
    throw new AppError("json.invalid", { ...fileParams, path, expected });
  };
  const documents = arr(raw["documents"], "documents", fail).map((d, i) =>
    readDocument(d, `documents[${i}]`, fail),
  );
  const docIds = new Set<string>();
  const segIds = new Set<string>();
  documents.forEach((doc, i) => {
    if (docIds.has(doc.id)) {
      throw new AppError("json.duplicate-id", {
        ...fileParams,
        path: `documents[${i}].id`,
        id: doc.id,
      });
    }
    docIds.add(doc.id);
    doc.segments.forEach((seg, j) => {
      if (segIds.has(seg.id)) {
        throw new AppError("json.duplicate-id", {
          ...fileParams,
          path: `documents[${i}].segments[${j}].id`,
          id: seg.id,
        });
      }
      segIds.add(seg.id);
    });
  });
  return { documents };
}
