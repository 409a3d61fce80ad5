import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleDocument, BundleSegment, BundleTarget } from "../../model/bundle.ts";
import type { Lang, TargetLang } from "../../model/languages.ts";
import { isTargetLang } from "../../model/languages.ts";
import { isStatus } from "../../model/status.ts";
import { mapLangTag } from "../lang-tag.ts";
import type { XmlElement } from "../xml/parse-xml.ts";
import { childElements, parseXml, textContent } from "../xml/parse-xml.ts";
import type { InlineProblem } from "./read-seg.ts";
import { readSeg } from "./read-seg.ts";
import { parseTmxDate } from "./tmx-date.ts";
import type { TmxAnnotation, TmxElementMeta, TmxExtras, TmxUnitExtras } from "./tmx-extras.ts";
import { isEmptyMeta } from "./tmx-extras.ts";
import { TMX_PROPS } from "./tmx-props.ts";

export interface TmxReadOptions {
  /** Title for units that carry no x-document prop (the UI passes a localized name or the file name). */
  defaultTitle?: string;
  /** Put in error params so messages can name the file. */
  fileName?: string;
}

/** What the reader saw, for the import dialog ("3 units skipped", "vi-VN → vi", ...). */
export interface TmxReadReport {
  /** The `version` attribute of `<tmx>` (1.1 … 1.4). */
  version: string;
  units: number;
  /** Units without a source `<tuv>`, or whose source language is not one of ours. */
  skippedUnits: number;
  /** Every `xml:lang`/`lang` value seen, what it became and how often (dropped when mappedTo is null). */
  languages: { tag: string; mappedTo: Lang | null; count: number }[];
  /** Target `<tuv>`s dropped because the unit already had a target for that language. */
  duplicateTuvs: number;
  /** `<tuv>`s without a language attribute (ignored). */
  tuvsWithoutLang: number;
  /** Badly paired or invalid inline codes (tolerated), at most MAX_PROBLEMS listed. */
  inlineProblems: (InlineProblem & { unit: string; lang: string })[];
  inlineProblemCount: number;
}

export interface TmxReadResult {
  bundle: Bundle;
  report: TmxReadReport;
  /** Notes, props, other attributes and other-language variants, for writeTmx to write back. */
  extras: TmxExtras;
}

const MAX_PROBLEMS = 200;
const OUR_TU_PROPS: ReadonlySet<string> = new Set([
  TMX_PROPS.document,
  TMX_PROPS.documentId,
  TMX_PROPS.paragraph,
]);
const LANG_ATTRS = ["xml:lang", "lang"];
const TARGET_ATTRS = ["creationdate", "creationid", "changedate", "changeid"];

const DEFAULT_DOC_ID = "tmx";

interface DocBuilder {
  doc: BundleDocument;
  nextParagraph: number;
}

function tuvLang(tuv: XmlElement): string | undefined {
  return tuv.attrs["xml:lang"] ?? tuv.attrs["lang"];
}

function props(element: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const prop of childElements(element, "prop")) {
    const type = prop.attrs["type"];
    if (type !== undefined && !out.has(type)) out.set(type, textContent(prop));
  }
  return out;
}

function annotations(element: XmlElement, skipProps: ReadonlySet<string>): TmxAnnotation[] {
  const out: TmxAnnotation[] = [];
  for (const child of childElements(element)) {
    if (child.name !== "note" && child.name !== "prop") continue;
    if (child.name === "prop" && skipProps.has(child.attrs["type"] ?? "")) continue;
    out.push({ kind: child.name, attrs: { ...child.attrs }, text: textContent(child) });
  }
  return out;
}

function meta(
  element: XmlElement,
  skipAttrs: readonly string[],
  skipProps: ReadonlySet<string>,
): TmxElementMeta {
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(element.attrs)) {
    if (!skipAttrs.includes(name)) attrs[name] = value;
  }
  return { attrs, annotations: annotations(element, skipProps) };
}

const NO_PROPS: ReadonlySet<string> = new Set();
const STATUS_PROP: ReadonlySet<string> = new Set([TMX_PROPS.status]);

function optional<T extends object>(target: T, key: keyof T & string, value: string | undefined) {
  if (value !== undefined && value !== "") (target as Record<string, unknown>)[key] = value;
}

function readTarget(tuv: XmlElement, text: string): BundleTarget {
  const status = props(tuv).get(TMX_PROPS.status)?.trim() ?? "";
  const target: BundleTarget = { text, status: isStatus(status) ? status : "translated" };
  optional(target, "createdBy", tuv.attrs["creationid"]);
  const createdAt = tuv.attrs["creationdate"];
  optional(target, "createdAt", createdAt === undefined ? undefined : parseTmxDate(createdAt));
  optional(target, "changedBy", tuv.attrs["changeid"]);
  const changedAt = tuv.attrs["changedate"];
  optional(target, "changedAt", changedAt === undefined ? undefined : parseTmxDate(changedAt));
  return target;
}

/** Chooses the source `<tuv>`: exact tag (case-insensitive), else same mapped language. */
function findSource(tuvs: XmlElement[], srclang: string): XmlElement | undefined {
  if (srclang === "*all*") {
    return tuvs.find((t) => mapLangTag(tuvLang(t) ?? "") === "id") ?? tuvs[0];
  }
  const wanted = srclang.toLowerCase();
  const exact = tuvs.find((t) => tuvLang(t)?.toLowerCase() === wanted);
  if (exact) return exact;
  const mapped = mapLangTag(srclang);
  return mapped === null ? undefined : tuvs.find((t) => mapLangTag(tuvLang(t) ?? "") === mapped);
}

/**
 * Reads TMX 1.1–1.4b text (already decoded: see decodeXmlBytes) into a Bundle plus a report.
 * Throws AppError "tmx.<code>" with {line, column}: not-well-formed, truncated, undefined-entity,
 * entity-declaration, external-entity, empty, binary, wrong-root, missing-header, missing-body,
 * missing-srclang, duplicate-tuid, unsupported-source-language.
 */
export function readTmxWithReport(text: string, options: TmxReadOptions = {}): TmxReadResult {
  const fileParams: Record<string, string> = options.fileName ? { file: options.fileName } : {};
  if (text.includes("\u0000")) throw new AppError("tmx.binary", fileParams);
  const fail = (code: string, el: XmlElement, extra: Record<string, string> = {}): never => {
    throw new AppError(`tmx.${code}`, {
      ...fileParams,
      line: el.line,
      column: el.column,
      ...extra,
    });
  };

  const report: TmxReadReport = {
    version: "",
    units: 0,
    skippedUnits: 0,
    languages: [],
    duplicateTuvs: 0,
    tuvsWithoutLang: 0,
    inlineProblems: [],
    inlineProblemCount: 0,
  };
  const extras: TmxExtras = { header: null, units: new Map() };
  const langCounts = new Map<string, number>();
  const docs = new Map<string, DocBuilder>();
  const tuids = new Set<string>();
  const generated: BundleSegment[] = [];
  const pendingExtras: [BundleSegment, TmxUnitExtras][] = [];
  let headerSrcLang: string | null = null;
  let sawBody = false;
  let unsupportedSource: string | null = null;

  const docFor = (tuProps: Map<string, string>, sourceLang: Lang): DocBuilder => {
    const id = tuProps.get(TMX_PROPS.documentId) ?? DEFAULT_DOC_ID;
    const title = tuProps.get(TMX_PROPS.document) ?? options.defaultTitle ?? "";
    const key = `${id}\u0000${title}\u0000${sourceLang}`;
    let builder = docs.get(key);
    if (!builder) {
      builder = { doc: { id, title, sourceLang, segments: [] }, nextParagraph: 0 };
      docs.set(key, builder);
    }
    return builder;
  };

  const readTu = (tu: XmlElement, srclang: string) => {
    report.units++;
    const tuid = tu.attrs["tuid"];
    if (tuid !== undefined) {
      if (tuids.has(tuid)) fail("duplicate-tuid", tu, { tuid });
      tuids.add(tuid);
    }
    const tuvs = childElements(tu, "tuv");
    for (const tuv of tuvs) {
      const tag = tuvLang(tuv);
      if (tag === undefined) report.tuvsWithoutLang++;
      else langCounts.set(tag, (langCounts.get(tag) ?? 0) + 1);
    }
    const withLang = tuvs.filter((t) => tuvLang(t) !== undefined);
    const sourceTuv = findSource(withLang, tu.attrs["srclang"] ?? srclang);
    const sourceLang = sourceTuv ? mapLangTag(tuvLang(sourceTuv) ?? "") : null;
    if (!sourceTuv || sourceLang === null) {
      if (sourceTuv) unsupportedSource ??= tuvLang(sourceTuv) ?? "";
      report.skippedUnits++;
      return;
    }
    const tuProps = props(tu);
    const builder = docFor(tuProps, sourceLang);
    const paragraphProp = Number(tuProps.get(TMX_PROPS.paragraph) ?? "x");
    const paragraph =
      Number.isSafeInteger(paragraphProp) && paragraphProp >= 0
        ? paragraphProp
        : builder.nextParagraph;
    builder.nextParagraph = paragraph + 1;
    const unitName = tuid ?? `#${report.units}`;
    const seg = (tuv: XmlElement): string => {
      const { text: value, problems } = readSeg(tuv);
      for (const p of problems) {
        report.inlineProblemCount++;
        if (report.inlineProblems.length < MAX_PROBLEMS) {
          report.inlineProblems.push({ ...p, unit: unitName, lang: tuvLang(tuv) ?? "" });
        }
      }
      return value;
    };
    const segment: BundleSegment = {
      id: tuid ?? "",
      paragraph,
      source: seg(sourceTuv),
      targets: {},
    };
    const unitExtras: TmxUnitExtras = {
      tu: meta(tu, ["tuid", "srclang"], OUR_TU_PROPS),
      variants: {},
      others: [],
    };
    const sourceMeta = meta(sourceTuv, LANG_ATTRS, NO_PROPS);
    if (!isEmptyMeta(sourceMeta)) unitExtras.variants[sourceLang] = sourceMeta;
    for (const tuv of withLang) {
      if (tuv === sourceTuv) continue;
      const tag = tuvLang(tuv) ?? "";
      const lang = mapLangTag(tag);
      const value = seg(tuv);
      if (lang !== null && lang !== sourceLang && isTargetLang(lang) && !segment.targets[lang]) {
        if (value === "") continue;
        segment.targets[lang] = readTarget(tuv, value);
        const targetMeta = meta(tuv, [...LANG_ATTRS, ...TARGET_ATTRS], STATUS_PROP);
        if (!isEmptyMeta(targetMeta)) unitExtras.variants[lang] = targetMeta;
        continue;
      }
      if (lang !== null && (lang === sourceLang || segment.targets[lang as TargetLang]))
        report.duplicateTuvs++;
      unitExtras.others.push({ tag, text: value, meta: meta(tuv, LANG_ATTRS, NO_PROPS) });
    }
    if (
      !isEmptyMeta(unitExtras.tu) ||
      unitExtras.others.length > 0 ||
      Object.keys(unitExtras.variants).length > 0
    ) {
      pendingExtras.push([segment, unitExtras]);
    }
    if (tuid === undefined) generated.push(segment);
    builder.doc.segments.push(segment);
  };

  parseXml(
    text,
    {
      onOpen: (el, depth) => {
        if (depth === 0) {
          if (el.name !== "tmx") fail("wrong-root", el, { root: el.name });
          report.version = el.attrs["version"] ?? "";
        } else if (depth === 1 && el.name === "body") {
          if (headerSrcLang === null) fail("missing-header", el);
          sawBody = true;
        }
      },
      onClose: (el, depth) => {
        if (depth === 1 && el.name === "header") {
          const srclang = el.attrs["srclang"]?.trim();
          if (!srclang) fail("missing-srclang", el);
          headerSrcLang = srclang ?? "";
          const headerNotes = annotations(el, NO_PROPS);
          if (headerNotes.length > 0) extras.header = { attrs: {}, annotations: headerNotes };
          return false;
        }
        if (depth === 2 && el.name === "tu") {
          readTu(el, headerSrcLang ?? "");
          return false;
        }
        if (depth === 0) {
          if (headerSrcLang === null) fail("missing-header", el);
          if (!sawBody) fail("missing-body", el);
        }
        return depth >= 2;
      },
    },
    { codePrefix: "tmx", ...(options.fileName ? { fileName: options.fileName } : {}) },
  );

  if (unsupportedSource !== null && report.skippedUnits === report.units) {
    throw new AppError("tmx.unsupported-source-language", {
      ...fileParams,
      lang: unsupportedSource,
    });
  }
  let n = 0;
  for (const segment of generated) {
    do segment.id = `tu-${++n}`;
    while (tuids.has(segment.id));
  }
  for (const [segment, unitExtras] of pendingExtras) extras.units.set(segment.id, unitExtras);
  for (const [tag, count] of langCounts) {
    report.languages.push({ tag, mappedTo: mapLangTag(tag), count });
  }
  return { bundle: { documents: [...docs.values()].map((b) => b.doc) }, report, extras };
}

/** Reads a TMX text into a Bundle (see readTmxWithReport for the errors and the report). */
export function readTmx(text: string, options: TmxReadOptions = {}): Bundle {
  return readTmxWithReport(text, options).bundle;
}
