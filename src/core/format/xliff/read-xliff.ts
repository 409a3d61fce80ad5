import { decodeCommentNote } from "../comment-note.ts";
import { positionInText } from "../xml/text-position.ts";
import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleDocument, BundleSegment, BundleTarget } from "../../model/bundle.ts";
import type { Lang, TargetLang } from "../../model/languages.ts";
import { isTargetLang } from "../../model/languages.ts";
import type { Status } from "../../model/status.ts";
import { isStatus } from "../../model/status.ts";
import { mapLangTag } from "../lang-tag.ts";
import { contentDocumentId } from "../content-id.ts";
import type { XmlElement, XmlNode } from "../xml/parse-xml.ts";
import { childElements, isElement, parseXml, textContent } from "../xml/parse-xml.ts";
import { content1, content2, newInlineState, serializeElement } from "./xliff-inline.ts";
import { guessTargetLang, targetLangFromFileName } from "./xliff-target-lang.ts";
import type { XliffSegmentShape, XliffStructure } from "./xliff-structure.ts";

export interface XliffReadOptions {
  fileName?: string;
  /**
   * The target language when the file names none (or the source language with a region:
   * en → en-US). A file that names another language, with a column or not, is refused.
   */
  targetLang?: TargetLang;
}

/** How the target language was found. */
export type TargetLangOrigin = "file" | "option" | "file-name" | "content";

export interface XliffReadResult {
  bundle: Bundle;
  /** The version as written ("1.1", "1.2", "2.0"), or as inferred from the namespace/structure. */
  version: string;
  /** The target language as written (null: none), and what it became (null: no column, targets dropped). */
  targetTag: string | null;
  targetLang: TargetLang | null;
  /** Where targetLang came from (null when there is none). */
  targetFrom: TargetLangOrigin | null;
  /**
   * Targets with text in a language Selaras has no column for (`targetTag`): not in the grid, but
   * kept by segment id in `otherTargets`, to be written back to TMX and JSON as other languages.
   */
  droppedTargets: number;
  /**
   * Ids an earlier element of the same scope already had (a `<file>`'s among the files, a unit's in
   * its file, a 2.0 segment's in its unit; invalid XLIFF): kept under `${id}_2`, `_3`, … as the TMX
   * reader keeps a repeated tuid, so every file Selaras writes from it reads back.
   */
  repeatedIds: number;
  otherTargets: Map<string, string>;
  /** Units, segments, ignorables and translate="no" as they were, for writing the file back. */
  structure: XliffStructure;
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

const XLIFF_NS = /^urn:oasis:names:tc:xliff:document:(\d\.\d)$/;
const READ_VERSIONS = new Set(["1.0", "1.1", "1.2", "2.0", "2.1", "2.2"]);

/** A segment as read, before the target language is decided. */
interface RawSegment {
  el: XmlElement;
  id: string;
  source: string;
  target: { text: string; status: Status } | null;
  notes: readonly XmlElement[];
  shape: XliffSegmentShape;
}

interface RawFile {
  el: XmlElement;
  id: string;
  title: string;
  sourceLang: Lang;
  segments: RawSegment[];
}

/** XLIFF 1.2 and 2.0 inline elements (their markup is kept in the codes). */
const INLINE = new Set([
  ...["g", "x", "bx", "ex", "ph", "bpt", "ept", "it", "sub", "mrk"],
  ...["pc", "sc", "ec", "sm", "em", "cp"],
]);

/**
 * An inline element's prefixed attributes (`fs:fs`, `its:*`, `slr:sizeInfo`) get the declaration
 * of their prefix in scope where it is read (`xmlns:fs` on the element itself), so that the
 * markup kept in the code is namespace-well-formed wherever it is written (issue 11).
 */
function declarePrefixes(el: XmlElement, lookup: (prefix: string) => string | undefined): void {
  for (const name of Object.keys(el.attrs)) {
    const colon = name.indexOf(":");
    if (colon < 0) continue;
    const prefix = name.slice(0, colon);
    if (prefix === "xml" || prefix === "xmlns" || el.attrs[`xmlns:${prefix}`] !== undefined)
      continue;
    const uri = lookup(prefix);
    if (uri !== undefined && uri !== "") el.attrs[`xmlns:${prefix}`] = uri;
  }
}

/**
 * Reads XLIFF 2.x or 1.x (1.0, 1.1, 1.2; one target language per file, as most tools write it)
 * into a Bundle: each `<file>` a document, each 1.x trans-unit (each `<mrk mtype="seg">` of an
 * SDLXLIFF `<seg-source>`) and each 2.0 `<segment>` a segment. The XLIFF namespace decides, not the
 * prefix (`<xlf:xliff>` is XLIFF); a file without `version` is read by its namespace or, without
 * one, by its attributes. Inline markup becomes protected placeholders holding it as it came
 * (xliff-inline.ts). Throws AppError xliff.<code>: the XML codes of parseXml plus wrong-root
 * {root}, unsupported-version {version}, missing-source-language, unsupported-source-language
 * {lang}, missing-target-language {count}, target-same-as-source {tag, lang},
 * target-language-conflict {tag, lang}, invalid-pairing {unit, id}. A repeated file, unit or segment id is renamed (repeatedIds).
 */
export function readXliff(text: string, options: XliffReadOptions = {}): XliffReadResult {
  const fileParams: Record<string, string> = options.fileName ? { file: options.fileName } : {};
  const at = (el: XmlElement) => ({ ...fileParams, line: el.line, column: el.column });
  if (text.includes("\u0000")) {
    const where = positionInText(text, text.indexOf("\u0000"));
    throw new AppError("xliff.binary", { ...fileParams, ...where });
  }
  let version = "";
  let major: 1 | 2 = 1;
  let rootSrc: string | undefined;
  let declaredTag: string | null = null;
  /** The first `<target xml:lang>` (1.x), when no file says its target language. */
  let contentTag: string | null = null;
  const files: RawFile[] = [];
  const fileTitle = (options.fileName ?? "").replace(/\.[^.]+$/, "");
  let file: RawFile | null = null;
  let ids = new Set<string>();
  /** Namespace scopes, one per open element: prefix ("" default) → URI. */
  const scopes: Map<string, string>[] = [];
  let translateNo = 0;
  const translateStack: boolean[] = [];
  /** xml:space of each open element, its own or inherited (undefined: none said). */
  const spaceStack: (string | undefined)[] = [];

  const lookup = (prefix: string): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]!.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  };

  const sourceLangOf = (tag: string | undefined, el: XmlElement): Lang => {
    if (!tag) throw new AppError("xliff.missing-source-language", at(el));
    const lang = mapLangTag(tag);
    if (lang === null)
      throw new AppError("xliff.unsupported-source-language", { ...at(el), lang: tag });
    return lang;
  };
  const declare = (tag: string | undefined) => {
    if (tag && declaredTag === null) declaredTag = tag;
  };
  // Unit ids are unique within a <file> (a repeat there is renamed, unitIdOf); <file>s may share them
  // (valid), so a segment id already taken by an earlier file becomes `${id}_n`: segment ids are
  // unique in the whole bundle, as JSON and TMX need (the unit id stays in the structure).
  const allIds = new Set<string>();
  let repeatedIds = 0;
  /** `wanted`, or the first `${wanted}_n` not in `taken` (added to it). */
  const freeId = (wanted: string, taken: Set<string>): string => {
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}_${n}`;
    taken.add(id);
    return id;
  };
  const fileIds = new Set<string>();
  /**
   * A unit's id: a repeat within its file (invalid: XLIFF 1.2 and 2.0 make unit ids unique in a
   * <file>, though the 2.0 schema cannot say so) is still work to do: kept as `${id}_2`, …, counted.
   */
  const unitIdOf = (unit: XmlElement): string => {
    const own = unit.attrs["id"] ?? `u${(file?.segments.length ?? 0) + 1}`;
    const id = freeId(own, ids);
    if (id !== own) repeatedIds++;
    return id;
  };
  const uniqueId = (wanted: string): string => {
    if (!allIds.has(wanted)) {
      allIds.add(wanted);
      return wanted;
    }
    let n = 2;
    while (allIds.has(`${wanted}_${n}`)) n++;
    allIds.add(`${wanted}_${n}`);
    return `${wanted}_${n}`;
  };

  /** `space`: the unit's xml:space, its own or inherited (undefined: none said). */
  const unit2 = (unit: XmlElement, space: string | undefined) => {
    if (!file) return;
    const data = new Map<string, string>();
    for (const od of childElements(unit, "originalData")) {
      for (const d of childElements(od, "data")) data.set(d.attrs["id"] ?? "", textContent(d));
    }
    const unitId = unitIdOf(unit);
    const notes = childElements(unit, "notes").flatMap((n) => childElements(n, "note"));
    const parts = childElements(unit).filter((c) => c.name === "segment" || c.name === "ignorable");
    const segments = parts.filter((p) => p.name === "segment");
    const openSource = new Set<string>();
    const openTarget = new Set<string>();
    const problems: string[] = [];
    const segmentIds = new Set<string>();
    let before: string[] = [];
    // The ignorables' source and target content before a segment: XLIFF 1.2 has no <ignorable>,
    // that content is written between the segments' <mrk mtype="seg"> there (as SDLXLIFF's gaps),
    // its inline codes as codes (their own <sc>/<ec> pairing is not the segments' concern).
    let gap = "";
    let gapTarget = "";
    let ignorableData: Record<string, string> = {};
    const outside = (el: XmlElement | undefined) =>
      el ? content2(el, data, newInlineState(), new Set()) : "";
    const read: RawSegment[] = [];
    for (const part of parts) {
      if (part.name === "ignorable") {
        before.push(serializeElement(withSpace(part, part.attrs["xml:space"] ?? space)));
        gap += outside(childElements(part, "source")[0]);
        gapTarget += outside(childElements(part, "target")[0]);
        for (const id of dataRefs(part)) {
          const content = data.get(id);
          if (content !== undefined) ignorableData[id] = content;
        }
        continue;
      }
      const s = childElements(part, "source")[0];
      const t = childElements(part, "target")[0];
      const sourceState = newInlineState();
      const targetState = newInlineState();
      const source = s ? content2(s, data, sourceState, openSource) : "";
      let target: RawSegment["target"] = null;
      if (t) {
        const sub = /^selaras:(.+)$/.exec(part.attrs["subState"] ?? "")?.[1] ?? "";
        const status = isStatus(sub) ? sub : (STATE_2[part.attrs["state"] ?? "initial"] ?? "draft");
        target = { text: content2(t, data, targetState, openTarget), status };
      }
      problems.push(...sourceState.problems, ...targetState.problems);
      const k = read.length + 1;
      // A segment id repeated in its unit (invalid) is kept as `${id}_2`, …, and counted.
      const ownId = part.attrs["id"];
      const segmentId = ownId === undefined ? undefined : freeId(ownId, segmentIds);
      if (segmentId !== ownId) repeatedIds++;
      const wanted = segments.length === 1 ? unitId : `${unitId}_${segmentId ?? String(k)}`;
      const shape: XliffSegmentShape = {
        unit: unitId,
        index: k - 1,
        count: segments.length,
        ...(segmentId !== undefined ? { segment: segmentId } : {}),
        ...(before.length > 0 ? { before } : {}),
        ...(gap !== "" ? { gap } : {}),
        ...(gapTarget !== "" ? { gapTarget } : {}),
        ...(Object.keys(ignorableData).length > 0 ? { data: ignorableData } : {}),
        ...(translateNo > 0 || unit.attrs["translate"] === "no"
          ? { translate: "no" as const }
          : {}),
        ...(part.attrs["state"] !== undefined ? { state: part.attrs["state"] } : {}),
        ...(part.attrs["subState"] !== undefined ? { subState: part.attrs["subState"] } : {}),
      };
      before = [];
      gap = "";
      gapTarget = "";
      ignorableData = {};
      read.push({
        el: part,
        id: uniqueId(wanted),
        source,
        target,
        notes: k === 1 ? notes : [],
        shape,
      });
    }
    if (problems.length > 0)
      throw new AppError("xliff.invalid-pairing", { ...at(unit), unit: unitId, id: problems[0]! });
    const last = read[read.length - 1];
    if (last && before.length > 0) {
      last.shape.after = before;
      if (gap !== "") last.shape.tail = gap;
      if (gapTarget !== "") last.shape.tailTarget = gapTarget;
      if (Object.keys(ignorableData).length > 0)
        last.shape.data = { ...last.shape.data, ...ignorableData };
    }
    file.segments.push(...read);
  };

  const unit1 = (unit: XmlElement) => {
    if (!file) return;
    const s = childElements(unit, "source")[0];
    const t = childElements(unit, "target")[0];
    const segSource = childElements(unit, "seg-source")[0];
    const unitId = unitIdOf(unit);
    const translate = translateNo > 0 || unit.attrs["translate"] === "no";
    const statusOf = (target: XmlElement): Status => {
      const state = target.attrs["state"] ?? "";
      return unit.attrs["approved"] === "yes"
        ? "approved"
        : (STATE_12[state] ?? (state === "" ? "translated" : "draft"));
    };
    if (t && contentTag === null && t.attrs["xml:lang"]) contentTag = t.attrs["xml:lang"];
    const notes = childElements(unit, "note");
    // SDLXLIFF and others: the segments are the <mrk mtype="seg"> of <seg-source>, unless its
    // text is not the <source>'s (a stale segmentation: the source decides, read whole).
    const marks = segSource && s && sameText(segSource, s) ? segMarks(segSource) : [];
    const outside = segSource && marks.length > 0 ? segGaps(segSource) : { gaps: [], tail: "" };
    const gaps = outside.gaps;
    if (marks.length > 0) {
      const targetMarks = new Map<string, XmlElement>();
      // The target's text outside its marks, by mark (mid), and after the last one.
      const targetGaps = new Map<string, string>();
      let tailTarget = "";
      const tMarks = t ? segMarks(t) : [];
      if (t && tMarks.length > 0) {
        const tOutside = segGaps(t);
        tMarks.forEach((m, j) => {
          targetMarks.set(m.attrs["mid"] ?? "", m);
          if (tOutside.gaps[j]) targetGaps.set(m.attrs["mid"] ?? "", tOutside.gaps[j]);
        });
        tailTarget = tOutside.tail;
      }
      const last = marks.length - 1;
      marks.forEach((mark, index) => {
        const mid = mark.attrs["mid"] ?? String(index + 1);
        const tm = targetMarks.get(mid);
        const wanted = marks.length === 1 ? unitId : `${unitId}_${mid}`;
        file!.segments.push({
          el: mark,
          id: uniqueId(wanted),
          source: content1(mark, newInlineState()),
          target: tm && t ? { text: content1(tm, newInlineState()), status: statusOf(t) } : null,
          notes: index === 0 ? notes : [],
          shape: {
            unit: unitId,
            index,
            count: marks.length,
            segment: mid,
            ...(gaps[index] ? { gap: gaps[index] } : {}),
            ...(index === last && outside.tail !== "" ? { tail: outside.tail } : {}),
            ...(targetGaps.has(mid) ? { gapTarget: targetGaps.get(mid)! } : {}),
            ...(index === last && tailTarget !== "" ? { tailTarget } : {}),
            ...(translate ? { translate: "no" as const } : {}),
          },
        });
      });
      return;
    }
    file.segments.push({
      el: unit,
      id: uniqueId(unitId),
      source: s ? content1(s, newInlineState()) : "",
      target: t ? { text: content1(t, newInlineState()), status: statusOf(t) } : null,
      notes,
      shape: { unit: unitId, index: 0, count: 1, ...(translate ? { translate: "no" } : {}) },
    });
  };

  parseXml(
    text,
    {
      onOpen: (el, depth) => {
        // Namespaces: the XLIFF namespace decides, whatever the prefix.
        let scope: Map<string, string> | null = null;
        for (const [name, value] of Object.entries(el.attrs)) {
          if (name === "xmlns" || name.startsWith("xmlns:")) {
            scope ??= new Map();
            scope.set(name === "xmlns" ? "" : name.slice(6), value);
          }
        }
        scopes.push(scope ?? new Map());
        const colon = el.name.indexOf(":");
        const prefix = colon < 0 ? "" : el.name.slice(0, colon);
        const local = colon < 0 ? el.name : el.name.slice(colon + 1);
        const uri = lookup(prefix);
        const nsVersion = uri === undefined ? null : (XLIFF_NS.exec(uri)?.[1] ?? null);
        if (nsVersion !== null || (uri === undefined && prefix === "")) el.name = local;
        else if (prefix === "") el.name = `{${uri}}${local}`;
        if (INLINE.has(el.name)) declarePrefixes(el, lookup);
        spaceStack.push(el.attrs["xml:space"] ?? spaceStack[spaceStack.length - 1]);
        const translate = el.attrs["translate"];
        translateStack.push(translate === "no");
        if (translate === "no") translateNo++;

        if (depth === 0) {
          if (el.name !== "xliff")
            throw new AppError("xliff.wrong-root", { ...at(el), root: local });
          version = el.attrs["version"] ?? nsVersion ?? "";
          if (version === "") version = el.attrs["srcLang"] !== undefined ? "2.0" : "1.2";
          if (!READ_VERSIONS.has(version))
            throw new AppError("xliff.unsupported-version", { ...at(el), version });
          major = version.startsWith("2") ? 2 : 1;
          rootSrc = el.attrs["srcLang"];
          if (major === 2) declare(el.attrs["trgLang"]);
        } else if (el.name === "file" && depth === 1) {
          const src = major === 1 ? el.attrs["source-language"] : rootSrc;
          if (major === 1) declare(el.attrs["target-language"]);
          // A file id repeated (invalid) is kept as `${id}_2`, …: document ids are unique.
          const ownId = el.attrs["id"];
          const fileId = ownId === undefined || ownId === "" ? "" : freeId(ownId, fileIds);
          if (fileId !== (ownId ?? "")) repeatedIds++;
          file = {
            el,
            id: fileId,
            title: el.attrs["original"] ?? (el.attrs["id"] || fileTitle),
            sourceLang: sourceLangOf(src, el),
            segments: [],
          };
          files.push(file);
          ids = new Set();
        }
      },
      onClose: (el, depth) => {
        scopes.pop();
        if (translateStack.pop()) translateNo--;
        const space = spaceStack.pop();
        const name = el.name;
        let keep = depth > 1;
        if (name === "unit" && major === 2) {
          unit2(el, space);
          keep = false;
        } else if (name === "trans-unit" && major === 1) {
          unit1(el);
          keep = false;
        } else if (name === "file" && depth === 1) {
          file = null;
          keep = false;
        }
        return keep;
      },
    },
    { codePrefix: "xliff", ...(options.fileName ? { fileName: options.fileName } : {}) },
  );

  // The target language: as the file says it, else --target-lang / the app's choice, else the
  // file name (messages.vi.xlf), else the targets' text; never dropped without a word.
  const withText = files.flatMap((f) => f.segments.filter((s) => s.target && s.target.text !== ""));
  const sourceLangs = new Set(files.map((f) => f.sourceLang));
  const firstSource = files[0]?.sourceLang ?? null;
  let tag: string | null = declaredTag ?? contentTag;
  let targetLang: TargetLang | null = null;
  let targetFrom: TargetLangOrigin | null = null;
  let droppedTargets = 0;
  const usable = (lang: Lang | null): lang is TargetLang =>
    lang !== null && isTargetLang(lang) && !(sourceLangs.size === 1 && sourceLangs.has(lang));
  const mapped = tag === null ? null : mapLangTag(tag);
  if (tag !== null && usable(mapped)) {
    targetLang = mapped;
    targetFrom = "file";
    if (options.targetLang && options.targetLang !== mapped)
      throw new AppError("xliff.target-language-conflict", {
        ...fileParams,
        tag,
        lang: options.targetLang,
      });
  } else if (
    tag !== null &&
    (mapped === null ||
      (!isTargetLang(mapped) && !(sourceLangs.size === 1 && sourceLangs.has(mapped))))
  ) {
    // A language Selaras has no column for (German; or Indonesian, the source column, in an
    // English → Indonesian file): the sources are read, the targets kept aside and reported. A
    // language chosen for it would read (say) German targets as Vietnamese: refused, in words.
    if (options.targetLang)
      throw new AppError("xliff.target-language-conflict", {
        ...fileParams,
        tag,
        lang: options.targetLang,
      });
    droppedTargets = withText.length;
  } else if (options.targetLang && usable(options.targetLang)) {
    targetLang = options.targetLang;
    targetFrom = "option";
  } else {
    const fromName = targetLangFromFileName(options.fileName ?? "");
    const guessed =
      fromName !== null && usable(fromName)
        ? null
        : guessTargetLang(withText.map((s) => s.target!.text));
    if (fromName !== null && usable(fromName)) {
      targetLang = fromName;
      targetFrom = "file-name";
    } else if (guessed !== null && usable(guessed)) {
      targetLang = guessed;
      targetFrom = "content";
    } else if (withText.length > 0) {
      if (tag !== null)
        throw new AppError("xliff.target-same-as-source", {
          ...fileParams,
          tag,
          lang: firstSource ?? "",
        });
      throw new AppError("xliff.missing-target-language", {
        ...fileParams,
        count: withText.length,
      });
    }
  }
  if (tag === null && targetLang !== null) tag = targetLang;

  const documents: BundleDocument[] = [];
  const structure: XliffStructure = new Map();
  const otherTargets = new Map<string, string>();
  // A language without a column (droppedTargets > 0): its targets are kept aside, not read.
  const keepAside = droppedTargets > 0 && tag !== null;
  for (const f of files) {
    const doc: BundleDocument = {
      id: f.id,
      title: f.title,
      sourceLang: f.sourceLang,
      segments: [],
    };
    const shapes = new Map<string, XliffSegmentShape>();
    let paragraph = -1;
    let lastUnit: string | null = null;
    for (const raw of f.segments) {
      if (raw.shape.unit !== lastUnit || raw.shape.index === 0) paragraph++;
      lastUnit = raw.shape.unit;
      const segment: BundleSegment = { id: raw.id, paragraph, source: raw.source, targets: {} };
      const lang = targetLang !== null && targetLang !== f.sourceLang ? targetLang : null;
      if (raw.target && lang && raw.target.text !== "") {
        const target: BundleTarget = raw.target;
        segment.targets[lang] = target;
      } else if (raw.target && keepAside && raw.target.text !== "") {
        otherTargets.set(raw.id, raw.target.text);
      }
      if (lang) {
        const comments = raw.notes.flatMap((n) => {
          const decoded = decodeCommentNote(textContent(n));
          return decoded ? [decoded.comment] : [];
        });
        if (comments.length > 0) segment.comments = { [lang]: comments };
      }
      doc.segments.push(segment);
      // The ignorables' targets (the target text outside the segments) are in this language.
      const sh = raw.shape;
      if (lang && (sh.before || sh.after || sh.gapTarget || sh.tailTarget)) sh.targetLang = lang;
      shapes.set(raw.id, raw.shape);
    }
    // No id (XLIFF 1.x has none): derived from the content.
    if (doc.id === "") doc.id = contentDocumentId("xliff", options.fileName ?? "", doc);
    structure.set(doc.id, shapes);
    documents.push(doc);
  }
  return {
    bundle: { documents },
    version,
    targetTag: tag,
    targetLang,
    targetFrom,
    droppedTargets,
    repeatedIds,
    otherTargets,
    structure,
  };
}

/** Whether two elements hold the same text, whitespace runs aside. */
function sameText(a: XmlElement, b: XmlElement): boolean {
  const flat = (el: XmlElement) => textContent(el).replace(/\s+/g, " ").trim();
  return flat(a) === flat(b);
}

/**
 * The content of a `<seg-source>` (or segmented `<target>`) outside its `<mrk mtype="seg">`s (the
 * space between sentences, codes as placeholders), one entry per mark: what comes before it (""
 * when nothing); `tail`: what comes after the last one. An element holding marks is not kept,
 * its content outside them is.
 */
function segGaps(element: XmlElement): { gaps: string[]; tail: string } {
  const gaps: string[] = [];
  let pending: XmlNode[] = [];
  const flush = () => {
    const gap: XmlElement = { name: "gap", attrs: {}, children: pending, line: 0, column: 0 };
    pending = [];
    return content1(gap, newInlineState());
  };
  const walk = (el: XmlElement) => {
    for (const child of el.children) {
      if (!isElement(child)) pending.push(child);
      else if (child.name === "mrk" && child.attrs["mtype"] === "seg") gaps.push(flush());
      else if (segMarks(child).length > 0) walk(child);
      else pending.push(child);
    }
  };
  walk(element);
  return { gaps, tail: flush() };
}

/** The `<originalData>` ids the codes under an element refer to. */
function dataRefs(el: XmlElement): string[] {
  const out: string[] = [];
  for (const child of el.children) {
    if (!isElement(child)) continue;
    for (const name of ["dataRef", "dataRefStart", "dataRefEnd"]) {
      const id = child.attrs[name];
      if (id !== undefined) out.push(id);
    }
    out.push(...dataRefs(child));
  }
  return out;
}

/**
 * An `<ignorable>` whose `<source>` and `<target>` say the xml:space they inherit, when it is
 * "preserve" and they say none (the writers do not write the ancestors that said it).
 */
function withSpace(el: XmlElement, space: string | undefined): XmlElement {
  if (space !== "preserve") return el;
  const children = el.children.map((c) =>
    isElement(c) && (c.name === "source" || c.name === "target") && !("xml:space" in c.attrs)
      ? { ...c, attrs: { ...c.attrs, "xml:space": space } }
      : c,
  );
  return { ...el, children };
}

/** The `<mrk mtype="seg">` elements under an element, in document order. */
function segMarks(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (!isElement(child)) continue;
    if (child.name === "mrk" && child.attrs["mtype"] === "seg") out.push(child);
    else out.push(...segMarks(child));
  }
  return out;
}
