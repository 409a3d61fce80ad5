import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleDocument, BundleSegment, BundleTarget } from "../../model/bundle.ts";
import type { Lang } from "../../model/languages.ts";
import { isTargetLang } from "../../model/languages.ts";
import { isStatus } from "../../model/status.ts";
import { mapLangTag } from "../lang-tag.ts";
import type { XmlElement } from "../xml/parse-xml.ts";
import { childElements, parseXml, textContent } from "../xml/parse-xml.ts";
import { readSeg } from "./read-seg.ts";
import { parseTmxDate } from "./tmx-date.ts";
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
}

export interface TmxReadResult {
  bundle: Bundle;
  report: TmxReadReport;
}

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
  };
  const langCounts = new Map<string, number>();
  const docs = new Map<string, DocBuilder>();
  const tuids = new Set<string>();
  const generated: BundleSegment[] = [];
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
    const segment: BundleSegment = {
      id: tuid ?? "",
      paragraph,
      source: readSeg(sourceTuv),
      targets: {},
    };
    for (const tuv of withLang) {
      if (tuv === sourceTuv) continue;
      const lang = mapLangTag(tuvLang(tuv) ?? "");
      if (lang === null || lang === sourceLang || !isTargetLang(lang)) continue;
      if (segment.targets[lang]) {
        report.duplicateTuvs++;
        continue;
      }
      const value = readSeg(tuv);
      if (value !== "") segment.targets[lang] = readTarget(tuv, value);
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
  for (const [tag, count] of langCounts) {
    report.languages.push({ tag, mappedTo: mapLangTag(tag), count });
  }
  return { bundle: { documents: [...docs.values()].map((b) => b.doc) }, report };
}

/** Reads a TMX text into a Bundle (see readTmxWithReport for the errors and the report). */
export function readTmx(text: string, options: TmxReadOptions = {}): Bundle {
  return readTmxWithReport(text, options).bundle;
}
