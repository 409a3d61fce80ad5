import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleDocument, BundleSegment, BundleTarget } from "../../model/bundle.ts";
import type { Lang, TargetLang } from "../../model/languages.ts";
import { isTargetLang } from "../../model/languages.ts";
import type { Status } from "../../model/status.ts";
import { isStatus } from "../../model/status.ts";
import { mapLangTag } from "../lang-tag.ts";
import { CODE_END, CODE_START } from "../tmx/inline-codes.ts";
import { escapeXmlAttr, escapeXmlText } from "../xml/escape-xml.ts";
import type { XmlElement } from "../xml/parse-xml.ts";
import { childElements, isElement, parseXml, textContent } from "../xml/parse-xml.ts";

export interface XliffReadOptions {
  fileName?: string;
}

export interface XliffReadResult {
  bundle: Bundle;
  /** "1.2" or "2.0". */
  version: string;
  /** The target language as written, and what it became (null: no column for it, targets dropped). */
  targetTag: string | null;
  targetLang: TargetLang | null;
}

/** XLIFF 2.0 state (or 1.2 state) → Selaras status; a `selaras:<status>` subState wins. */
const STATE_2: Record<string, Status> = {
  initial: "draft",
  translated: "translated",
  reviewed: "translated",
  final: "approved",
};
const STATE_12: Record<string, Status> = {
  new: "draft",
  "needs-translation": "draft",
  "needs-adaptation": "draft",
  "needs-l10n": "draft",
  "needs-review-translation": "draft",
  "needs-review-adaptation": "draft",
  "needs-review-l10n": "draft",
  translated: "translated",
  final: "approved",
  "signed-off": "approved",
  "x-rejected": "rejected",
};

/** A TMX-style placeholder (see tmx/inline-codes.ts) for an XLIFF code with its native data. */
function placeholder(
  name: "ph" | "bpt" | "ept" | "it",
  attrs: Record<string, string>,
  native: string,
): string {
  let attrText = "";
  for (const [k, v] of Object.entries(attrs)) attrText += ` ${k}="${escapeXmlAttr(v)}"`;
  const body = escapeXmlText(native)
    .replace(/\uE000/g, "&#xE000;")
    .replace(/\uE001/g, "&#xE001;");
  return `${CODE_START}<${name}${attrText}>${body}</${name}>${CODE_END}`;
}

/** Text of an XLIFF 2.0 `<source>`/`<target>`: codes become placeholders, annotations keep their text. */
function content2(element: XmlElement, data: Map<string, string>): string {
  let out = "";
  for (const child of element.children) {
    if (!isElement(child)) {
      out += child;
      continue;
    }
    const ref = (key: string) => data.get(child.attrs[key] ?? "") ?? child.attrs["disp"] ?? "";
    const id = child.attrs["id"] ?? "";
    switch (child.name) {
      case "cp": {
        const code = parseInt(child.attrs["hex"] ?? "", 16);
        if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff)
          out += String.fromCodePoint(code);
        break;
      }
      case "ph":
        out += placeholder("ph", { x: id }, ref("dataRef"));
        break;
      case "sc":
        out += placeholder("bpt", { i: id, x: id }, ref("dataRef"));
        break;
      case "ec":
        out += placeholder("ept", { i: child.attrs["startRef"] ?? id }, ref("dataRef"));
        break;
      case "pc":
        out += placeholder("bpt", { i: id, x: id }, ref("dataRefStart"));
        out += content2(child, data);
        out += placeholder("ept", { i: id }, ref("dataRefEnd"));
        break;
      default:
        out += content2(child, data); // mrk, sm/em and unknown: keep the text
    }
  }
  return out;
}

/** Text of an XLIFF 1.2 `<source>`/`<target>`: bpt/ept/it/ph carry native code like TMX. */
function content12(element: XmlElement): string {
  let out = "";
  for (const child of element.children) {
    if (!isElement(child)) {
      out += child;
      continue;
    }
    const id = child.attrs["id"] ?? "";
    switch (child.name) {
      case "ph":
        out += placeholder("ph", { x: id }, textContent(child));
        break;
      case "bpt":
        out += placeholder("bpt", { i: id, x: id }, textContent(child));
        break;
      case "ept":
        out += placeholder("ept", { i: id }, textContent(child));
        break;
      case "it":
        out += placeholder(
          "it",
          { pos: child.attrs["pos"] === "close" ? "end" : "begin", x: id },
          textContent(child),
        );
        break;
      case "x":
      case "bx":
      case "ex":
        out += placeholder("ph", { x: id }, "");
        break;
      default:
        out += content12(child); // g, mrk, sub: keep the text
    }
  }
  return out;
}

/**
 * Reads XLIFF 2.0 or 1.2 (one target language per file, as Selaras and most tools write it) into a
 * Bundle: each `<file>` a document, each unit/trans-unit a segment (multiple 2.0 segments of a unit
 * are joined). Inline codes become the same protected placeholders as TMX. Throws AppError
 * xliff.<code>: the XML codes of parseXml plus wrong-root, unsupported-version,
 * missing-source-language, unsupported-source-language {lang}, duplicate-id {id}.
 */
export function readXliff(text: string, options: XliffReadOptions = {}): XliffReadResult {
  const fileParams: Record<string, string> = options.fileName ? { file: options.fileName } : {};
  const at = (el: XmlElement) => ({ ...fileParams, line: el.line, column: el.column });
  if (text.includes("\u0000")) throw new AppError("xliff.binary", fileParams);
  let version = "";
  let rootSrc: string | undefined;
  let rootTrg: string | undefined;
  let targetTag: string | null = null;
  const documents: BundleDocument[] = [];
  let doc: BundleDocument | null = null;
  let ids = new Set<string>();
  let targetLang: TargetLang | null = null;

  const sourceLangOf = (tag: string | undefined, el: XmlElement): Lang => {
    if (!tag) throw new AppError("xliff.missing-source-language", at(el));
    const lang = mapLangTag(tag);
    if (lang === null)
      throw new AppError("xliff.unsupported-source-language", { ...at(el), lang: tag });
    return lang;
  };
  const setTarget = (tag: string | undefined) => {
    if (!tag || targetTag !== null) return;
    targetTag = tag;
    const mapped = mapLangTag(tag);
    targetLang = mapped !== null && isTargetLang(mapped) ? mapped : null;
  };
  const addSegment = (
    el: XmlElement,
    id: string | undefined,
    source: string,
    target: BundleTarget | null,
  ) => {
    if (!doc) return;
    const segmentId = id ?? `u${doc.segments.length + 1}`;
    if (ids.has(segmentId)) throw new AppError("xliff.duplicate-id", { ...at(el), id: segmentId });
    ids.add(segmentId);
    const segment: BundleSegment = {
      id: segmentId,
      paragraph: doc.segments.length,
      source,
      targets: {},
    };
    if (target && targetLang && targetLang !== doc.sourceLang && target.text !== "")
      segment.targets[targetLang] = target;
    doc.segments.push(segment);
  };

  const unit2 = (unit: XmlElement) => {
    const data = new Map<string, string>();
    for (const od of childElements(unit, "originalData")) {
      for (const d of childElements(od, "data")) data.set(d.attrs["id"] ?? "", textContent(d));
    }
    let source = "";
    let target = "";
    let status: Status | null = null;
    for (const part of childElements(unit).filter(
      (c) => c.name === "segment" || c.name === "ignorable",
    )) {
      const s = childElements(part, "source")[0];
      const t = childElements(part, "target")[0];
      const sourceText = s ? content2(s, data) : "";
      source += sourceText;
      // An ignorable (whitespace between segments) belongs to both sides.
      target += t ? content2(t, data) : part.name === "ignorable" ? sourceText : "";
      if (part.name === "segment" && t && status === null) {
        const sub = /^selaras:(.+)$/.exec(part.attrs["subState"] ?? "")?.[1] ?? "";
        status = isStatus(sub) ? sub : (STATE_2[part.attrs["state"] ?? "initial"] ?? "draft");
      }
    }
    addSegment(unit, unit.attrs["id"], source, status ? { text: target, status } : null);
  };

  const unit12 = (unit: XmlElement) => {
    const s = childElements(unit, "source")[0];
    const t = childElements(unit, "target")[0];
    let target: BundleTarget | null = null;
    if (t) {
      const state = t.attrs["state"] ?? "";
      const status: Status =
        unit.attrs["approved"] === "yes"
          ? "approved"
          : (STATE_12[state] ?? (state === "" ? "translated" : "draft"));
      target = { text: content12(t), status };
    }
    addSegment(unit, unit.attrs["id"], s ? content12(s) : "", target);
  };

  parseXml(
    text,
    {
      onOpen: (el, depth) => {
        if (depth === 0) {
          if (el.name !== "xliff")
            throw new AppError("xliff.wrong-root", { ...at(el), root: el.name });
          version = el.attrs["version"] ?? "";
          if (version !== "2.0" && version !== "1.2" && version !== "2.1") {
            throw new AppError("xliff.unsupported-version", { ...at(el), version });
          }
          rootSrc = el.attrs["srcLang"];
          rootTrg = el.attrs["trgLang"];
          setTarget(rootTrg);
        } else if (el.name === "file" && depth === 1) {
          const src = version === "1.2" ? el.attrs["source-language"] : rootSrc;
          if (version === "1.2") setTarget(el.attrs["target-language"]);
          const id = el.attrs["id"] ?? `file-${documents.length + 1}`;
          doc = {
            id,
            title: el.attrs["original"] ?? id,
            sourceLang: sourceLangOf(src, el),
            segments: [],
          };
          documents.push(doc);
          ids = new Set();
        }
      },
      onClose: (el, depth) => {
        if (el.name === "unit" && version !== "1.2") {
          unit2(el);
          return false;
        }
        if (el.name === "trans-unit" && version === "1.2") {
          unit12(el);
          return false;
        }
        if (el.name === "file" && depth === 1) {
          doc = null;
          return false;
        }
        return depth > 1;
      },
    },
    { codePrefix: "xliff", ...(options.fileName ? { fileName: options.fileName } : {}) },
  );
  return { bundle: { documents }, version, targetTag, targetLang };
}
