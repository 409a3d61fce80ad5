import { AppError } from "../../model/app-error.ts";
import { positionInText } from "../xml/text-position.ts";
import type { Bundle, BundleDocument, BundleSegment, BundleTarget } from "../../model/bundle.ts";
import type { Lang, TargetLang } from "../../model/languages.ts";
import { isTargetLang } from "../../model/languages.ts";
import type { Status } from "../../model/status.ts";
import { STATUSES } from "../../model/status.ts";
import { mapLangTag } from "../lang-tag.ts";
import type { XmlElement } from "../xml/parse-xml.ts";
import { parseXmlEvents } from "../xml/parse-xml.ts";
import { detachText } from "../xml/detach-text.ts";
import { CODE_ELEMENTS } from "./inline-codes.ts";
import type { InlineProblem } from "./read-seg.ts";
import { SegBuilder } from "./read-seg.ts";
import { parseTmxDate } from "./tmx-date.ts";
import {
  emptyMeta,
  type TmxAnnotation,
  type TmxElementMeta,
  type TmxExtras,
  type TmxUde,
  type TmxUnitExtras,
} from "./tmx-extras.ts";
import { ALL_LANGS, TMX_PROPS } from "./tmx-props.ts";
import { contentDocumentId } from "../content-id.ts";
import { decodeCommentNote, isCommentNote } from "../comment-note.ts";
import type { BundleComment } from "../../model/bundle.ts";

export interface TmxReadOptions {
  /** Title for units that carry no x-document prop (the UI passes a localized name or the file name). */
  defaultTitle?: string;
  /** Put in error params so messages can name the file. */
  fileName?: string;
  /** Progress for a Web Worker's progress bar: characters parsed so far and in total. */
  onProgress?: (done: number, total: number) => void;
  /** Cancel (e.g. an AbortSignal): reading stops with AppError tmx.cancelled. */
  signal?: { readonly aborted: boolean };
}

/** What the reader saw, for the import dialog ("3 units skipped", "vi-VN → vi", ...). */
export interface TmxReadReport {
  /** The `version` attribute of `<tmx>` (1.1 … 1.4). */
  version: string;
  units: number;
  /** Units without a source `<tuv>`, or whose source language is not one of ours. */
  skippedUnits: number;
  /** Every `xml:lang`/`lang` value seen, what it became and how often (no column when mappedTo is null). */
  languages: { tag: string; mappedTo: Lang | null; count: number }[];
  /** `<tuv>`s kept as extras because the unit already had the source or a target in that language. */
  duplicateTuvs: number;
  /** Units whose tuid an earlier unit already had (kept under `${tuid}_2`, `_3`, …). */
  repeatedTuids: number;
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
  /** The header's creationdate (ISO): when the file was written, on its writer's clock. */
  exportedAt?: string;
}

const MAX_PROBLEMS = 200;
const OUR_TU_PROPS: ReadonlySet<string> = new Set([
  TMX_PROPS.document,
  TMX_PROPS.documentId,
  TMX_PROPS.paragraph,
  TMX_PROPS.baseline,
]);
const STATUS_PROP: ReadonlySet<string> = new Set([TMX_PROPS.status]);
const NO_PROPS: ReadonlySet<string> = new Set();
const LANG_ATTRS = ["xml:lang", "lang"];
const TARGET_TUV_ATTRS = [...LANG_ATTRS, "creationdate", "creationid", "changedate", "changeid"];
const TU_ATTRS = ["tuid", "srclang"];

/** A `<tu>` or `<tuv>` as collected while streaming (no generic element tree). */
interface RawElement {
  attrs: Record<string, string>;
  annotations: TmxAnnotation[];
  line: number;
  column: number;
}
interface RawTuv extends RawElement {
  lang: string | undefined;
  /** null when the tuv has no `<seg>`. */
  seg: { text: string; problems: InlineProblem[] | null } | null;
}
interface RawTu extends RawElement {
  tuvs: RawTuv[];
}

interface DocBuilder {
  doc: BundleDocument;
  nextParagraph: number;
  /** No x-document-id: the id is derived from the content once the file is read. */
  contentId: boolean;
}

function propValue(element: RawElement, type: string): string | undefined {
  for (const a of element.annotations)
    if (a.kind === "prop" && a.attrs["type"] === type) return a.text;
  return undefined;
}

/** What Selaras does not map itself; null when nothing (usually: found without allocating). */
function meta(
  element: RawElement,
  skipAttrs: readonly string[],
  skipProps: ReadonlySet<string>,
): TmxElementMeta | null {
  let attrs: Record<string, string> | null = null;
  // The parser's attribute objects have no prototype: for-in sees exactly the file's attributes.
  for (const name in element.attrs) {
    // Copied out of the parser's chunks (see detachText): extras live as long as the import.
    if (!skipAttrs.includes(name)) (attrs ??= {})[name] = detachText(element.attrs[name]!);
  }
  let annotations: TmxAnnotation[] | null = null;
  for (const a of element.annotations) {
    // Selaras comment notes become comments (commentsOf), not extras.
    if (a.kind === "note" && isCommentNote(a.text)) continue;
    if (a.kind === "note" || !skipProps.has(a.attrs["type"] ?? "")) {
      (annotations ??= []).push({ kind: a.kind, attrs: plainAttrs(a.attrs), text: a.text });
    }
  }
  return attrs === null && annotations === null
    ? null
    : { attrs: attrs ?? {}, annotations: annotations ?? [] };
}

/** Selaras comments carried as notes: on a target tuv (its language) or on the tu (lang in the header). */
function commentsOf(
  element: RawElement,
  lang: TargetLang | null,
  into: Partial<Record<TargetLang, BundleComment[]>> | null,
): Partial<Record<TargetLang, BundleComment[]>> | null {
  for (const a of element.annotations) {
    if (a.kind !== "note" || !isCommentNote(a.text)) continue;
    const decoded = decodeCommentNote(a.text);
    const target = lang ?? decoded?.lang ?? null;
    if (!decoded || target === null) continue;
    ((into ??= {})[target] ??= []).push(decoded.comment);
  }
  // Made on the first comment only: most units have none, and this runs per tu and target.
  return into;
}

function newUnitExtras(): TmxUnitExtras {
  return { tu: emptyMeta(), variants: {}, others: [] };
}

/** A plain-object copy of the parser's attributes (which have no prototype). */
/** `meta` with the tuv's tag as written when it is not the column's code (en-US for en). */
function withTag(meta: TmxElementMeta | null, tag: string, lang: Lang): TmxElementMeta | null {
  if (tag === lang) return meta;
  const kept = meta ?? emptyMeta();
  kept.attrs["xml:lang"] = detachText(tag);
  return kept;
}

function plainAttrs(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in attrs) out[name] = detachText(attrs[name]!);
  return out;
}

/** The canonical status string (the file's copy would be one more string per target). */
function readStatus(tuv: RawTuv): Status {
  const i = STATUSES.indexOf((propValue(tuv, TMX_PROPS.status)?.trim() ?? "") as Status);
  return i < 0 ? "translated" : STATUSES[i]!;
}

function readTarget(tuv: RawTuv, text: string, intern: (value: string) => string): BundleTarget {
  const target: BundleTarget = { text, status: readStatus(tuv) };
  // Constant property names (not a generic setter): keeps the objects' shapes fast on big files.
  const { creationid, creationdate, changeid, changedate } = tuv.attrs;
  if (creationid) target.createdBy = intern(creationid);
  const createdAt = creationdate === undefined ? undefined : parseTmxDate(creationdate);
  if (createdAt) target.createdAt = createdAt;
  if (changeid) target.changedBy = intern(changeid);
  const changedAt = changedate === undefined ? undefined : parseTmxDate(changedate);
  if (changedAt) target.changedAt = changedAt;
  return target;
}

/** Keeps one copy of each repeated value (authors: a few names over thousands of units). */
function interner(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    let kept = seen.get(value);
    if (kept === undefined) {
      kept = detachText(value);
      if (seen.size < INTERN_LIMIT) seen.set(kept, kept);
    }
    return kept;
  };
}

const INTERN_LIMIT = 4096;

/**
 * Reads TMX 1.1–1.4b text (already decoded: see readTmxBytes / decodeXmlBytes) into a Bundle, a
 * report and the metadata the Bundle has no place for. Streams: memory holds one `<tu>` at a time
 * plus the result. Throws AppError "tmx.<code>" with {line, column}: not-well-formed, truncated,
 * undefined-entity, entity-declaration, external-entity, empty, binary, wrong-root,
 * missing-header, missing-body, missing-srclang, unsupported-source-language. A repeated tuid is
 * not an error (report.repeatedTuids).
 */
export function readTmxWithReport(text: string, options: TmxReadOptions = {}): TmxReadResult {
  if (text.includes("\u0000")) {
    throw new AppError("tmx.binary", {
      ...(options.fileName ? { file: options.fileName } : {}),
      ...positionInText(text, text.indexOf("\u0000")),
    });
  }
  return readTmxSource(text, options);
}

/** readTmxWithReport over a text or its chunks (see readTmxBytes); NUL checks are the caller's. */
export function readTmxSource(
  input: string | Iterable<string>,
  options: TmxReadOptions = {},
): TmxReadResult {
  const fileParams: Record<string, string> = options.fileName ? { file: options.fileName } : {};
  const fail = (
    code: string,
    at: { line: number; column: number },
    extra: Record<string, string> = {},
  ): never => {
    throw new AppError(`tmx.${code}`, {
      ...fileParams,
      line: at.line,
      column: at.column,
      ...extra,
    });
  };

  const report: TmxReadReport = {
    version: "",
    units: 0,
    skippedUnits: 0,
    languages: [],
    duplicateTuvs: 0,
    repeatedTuids: 0,
    tuvsWithoutLang: 0,
    inlineProblems: [],
    inlineProblemCount: 0,
  };
  const extras: TmxExtras = { header: null, units: new Map() };
  const langCache = new Map<string, Lang | null>();
  const mapLang = (tag: string): Lang | null => {
    let lang = langCache.get(tag);
    if (lang === undefined) langCache.set(tag, (lang = mapLangTag(tag)));
    return lang;
  };
  const langCounts = new Map<string, number>();
  const intern = interner();
  const docs = new Map<string, DocBuilder>();
  const tuids = new Set<string>();
  const generated: BundleSegment[] = [];
  const pendingExtras: [BundleSegment, TmxUnitExtras][] = [];
  /** The tus that named their source (`srclang`), and every source tag the units have. */
  const tuSrclangs: [BundleSegment, string][] = [];
  const sourceTags = new Set<string>();
  let headerSrcLang: string | null = null;
  let exportedAt: string | undefined;
  let sawBody = false;
  let unsupportedSource: string | null = null;

  /** The last unit's document: units of one document come one after another. */
  let last: { carried: string | undefined; title: string; lang: Lang; builder: DocBuilder } | null =
    null;
  const docFor = (tu: RawTu, sourceLang: Lang): DocBuilder => {
    const carried = propValue(tu, TMX_PROPS.documentId);
    const title = propValue(tu, TMX_PROPS.document) ?? options.defaultTitle ?? "";
    if (last && last.carried === carried && last.title === title && last.lang === sourceLang)
      return last.builder;
    // A unit without a document id joins the file's other such units of that title and language.
    const key = `${carried === undefined ? "\u0001" : carried}\u0000${title}\u0000${sourceLang}`;
    let builder = docs.get(key);
    if (!builder) {
      builder = {
        doc: { id: carried ?? "", title, sourceLang, segments: [] },
        nextParagraph: 0,
        contentId: carried === undefined,
      };
      const baseline = propValue(tu, TMX_PROPS.baseline);
      if (baseline) builder.doc.baseline = baseline;
      docs.set(key, builder);
    }
    last = { carried, title, lang: sourceLang, builder };
    return builder;
  };

  /** Chooses the source `<tuv>`: exact tag (case-insensitive), else same mapped language. */
  const findSource = (tuvs: RawTuv[], srclang: string): RawTuv | undefined => {
    if (srclang === ALL_LANGS) return tuvs.find((t) => mapLang(t.lang!) === "id") ?? tuvs[0];
    // The same spelling first (the usual case: no lowercasing per tuv).
    for (const t of tuvs) if (t.lang === srclang) return t;
    const wanted = srclang.toLowerCase();
    const exact = tuvs.find((t) => t.lang!.toLowerCase() === wanted);
    if (exact) return exact;
    const mapped = mapLang(srclang);
    return mapped === null ? undefined : tuvs.find((t) => mapLang(t.lang!) === mapped);
  };

  const reportProblems = (problems: InlineProblem[], unit: string, lang: string) => {
    for (const p of problems) {
      report.inlineProblemCount++;
      if (report.inlineProblems.length < MAX_PROBLEMS) {
        report.inlineProblems.push({ ...p, unit, lang });
      }
    }
  };

  /** A tuv's seg text ("" without one); its inline problems go to the report. */
  const segText = (tuv: RawTuv, tuid: string | undefined): string => {
    if (!tuv.seg) return "";
    if (tuv.seg.problems)
      reportProblems(tuv.seg.problems, tuid ?? `#${report.units}`, tuv.lang ?? "");
    return tuv.seg.text;
  };

  const readTu = (tu: RawTu, srclang: string) => {
    report.units++;
    // A tuid may repeat (TMX makes it CDATA; Selaras' own TMX of XLIFF files whose unit ids
    // overlap has them): the unit is kept under the first free `${tuid}_n`, and counted.
    let tuid = tu.attrs["tuid"];
    if (tuid !== undefined) {
      // One hash lookup per unit (add, then see whether the set grew), not has and then add.
      const before = tuids.size;
      tuids.add(tuid);
      if (tuids.size === before) {
        report.repeatedTuids++;
        let n = 2;
        while (tuids.has(`${tuid}_${n}`)) n++;
        tuid = `${tuid}_${n}`;
        tuids.add(tuid);
      }
    }
    let withoutLang = 0;
    for (const tuv of tu.tuvs) {
      if (tuv.lang === undefined) withoutLang++;
      else langCounts.set(tuv.lang, (langCounts.get(tuv.lang) ?? 0) + 1);
    }
    report.tuvsWithoutLang += withoutLang;
    // A copy only when some tuv has no language (rare): most units are read as they came.
    const withLang = withoutLang === 0 ? tu.tuvs : tu.tuvs.filter((t) => t.lang !== undefined);
    const sourceTuv = findSource(withLang, tu.attrs["srclang"] ?? srclang);
    const sourceLang = sourceTuv ? mapLang(sourceTuv.lang!) : null;
    if (!sourceTuv || sourceLang === null) {
      if (sourceTuv) unsupportedSource ??= sourceTuv.lang!;
      report.skippedUnits++;
      return;
    }
    const builder = docFor(tu, sourceLang);
    const paragraphProp = Number(propValue(tu, TMX_PROPS.paragraph) ?? "x");
    const paragraph =
      Number.isSafeInteger(paragraphProp) && paragraphProp >= 0
        ? paragraphProp
        : builder.nextParagraph;
    builder.nextParagraph = paragraph + 1;
    const segment: BundleSegment = {
      id: tuid ?? "",
      paragraph,
      source: segText(sourceTuv, tuid),
      targets: {},
    };
    let unitExtras: TmxUnitExtras | null = null;
    let comments = commentsOf(tu, null, null);
    // The tu's srclang is kept once the file is read (see below): whether it says more than the
    // writer would write anyway depends on the other units.
    const tuMeta = meta(tu, TU_ATTRS, OUR_TU_PROPS);
    const tuSrclang = tu.attrs["srclang"];
    if (tuSrclang !== undefined) tuSrclangs.push([segment, tuSrclang]);
    sourceTags.add(sourceTuv.lang!);
    if (tuMeta) (unitExtras ??= newUnitExtras()).tu = tuMeta;
    const sourceMeta = withTag(meta(sourceTuv, LANG_ATTRS, NO_PROPS), sourceTuv.lang!, sourceLang);
    if (sourceMeta) (unitExtras ??= newUnitExtras()).variants[sourceLang] = sourceMeta;
    for (const tuv of withLang) {
      if (tuv === sourceTuv) continue;
      const tag = tuv.lang!;
      const lang = mapLang(tag);
      const value = segText(tuv, tuid);
      if (lang !== null && lang !== sourceLang && isTargetLang(lang) && !segment.targets[lang]) {
        if (value === "") continue;
        segment.targets[lang] = readTarget(tuv, value, intern);
        comments = commentsOf(tuv, lang, comments);
        const targetMeta = withTag(meta(tuv, TARGET_TUV_ATTRS, STATUS_PROP), tag, lang);
        if (targetMeta) (unitExtras ??= newUnitExtras()).variants[lang] = targetMeta;
        continue;
      }
      if (lang !== null && (lang === sourceLang || segment.targets[lang as TargetLang]))
        report.duplicateTuvs++;
      (unitExtras ??= newUnitExtras()).others.push({
        tag,
        text: value,
        meta: meta(tuv, LANG_ATTRS, NO_PROPS) ?? emptyMeta(),
      });
    }
    if (comments) segment.comments = comments;
    if (unitExtras) pendingExtras.push([segment, unitExtras]);
    if (tuid === undefined) generated.push(segment);
    builder.doc.segments.push(segment);
  };

  // Streaming state: the element path, the current tu/tuv/annotation/seg, and inline-code subtrees.
  const path: string[] = [];
  let tu: RawTu | null = null;
  let tuv: RawTuv | null = null;
  /** The note/prop being read, and the list it goes to when it closes. */
  let annotation: TmxAnnotation | null = null;
  let annotationOwner: TmxAnnotation[] | null = null;
  let headerAnnotations: TmxAnnotation[] | null = null;
  let headerAttrs: Record<string, string> = {};
  const headerUdes: TmxUde[] = [];
  /** One builder, reset after each seg; `seg` is non-null while inside a `<seg>`. */
  const segBuilder = new SegBuilder();
  let seg: SegBuilder | null = null;
  /** Open elements inside a seg: a code subtree being built, or "hi"/"unknown" markers. */
  const segStack: (XmlElement | "hi" | "unknown")[] = [];
  let codeDepth = 0;
  let rootAt = { line: 1, column: 1 };

  parseXmlEvents(
    input,
    {
      onOpen: (name, attrs, line, column) => {
        const depth = path.length;
        path.push(name);
        if (seg) {
          const top = segStack[segStack.length - 1];
          if (codeDepth > 0 && typeof top === "object") {
            const element: XmlElement = { name, attrs, children: [], line, column };
            top.children.push(element);
            segStack.push(element);
            codeDepth++;
          } else if (CODE_ELEMENTS.has(name)) {
            segStack.push({ name, attrs, children: [], line, column });
            codeDepth = 1;
          } else if (name === "hi") {
            seg.openHi(attrs);
            segStack.push("hi");
          } else {
            seg.unknownElement(name);
            segStack.push("unknown");
          }
          return;
        }
        if (depth === 0) {
          if (name !== "tmx") fail("wrong-root", { line, column }, { root: name });
          rootAt = { line, column };
          report.version = attrs["version"] ?? "";
        } else if (depth === 1) {
          if (name === "header") {
            const srclang = attrs["srclang"]?.trim();
            if (!srclang) fail("missing-srclang", { line, column });
            headerSrcLang = srclang ?? "";
            headerAnnotations = [];
            // What the new file's writer sets itself (tool, date, srclang from the units) is not
            // kept; a srclang of "*all*" is (any tuv may be the source: the writer says so again).
            headerAttrs = plainAttrs(attrs);
            for (const own of ["creationtool", "creationtoolversion", "creationdate"])
              delete headerAttrs[own];
            delete headerAttrs["srclang"];
            const created = attrs["creationdate"];
            exportedAt = created === undefined ? undefined : parseTmxDate(created);
          } else if (name === "body") {
            if (headerSrcLang === null) fail("missing-header", { line, column });
            sawBody = true;
          }
        } else if (depth === 2 && name === "tu" && path[1] === "body") {
          tu = { attrs, annotations: [], tuvs: [], line, column };
        } else if (
          (name === "note" || name === "prop") &&
          (depth === 2 || depth === 3 || depth === 4)
        ) {
          const owner =
            depth === 2 && path[1] === "header"
              ? headerAnnotations
              : depth === 3 && tu && !tuv
                ? tu.annotations
                : depth === 4 && tuv
                  ? tuv.annotations
                  : null;
          if (owner) {
            annotation = { kind: name, attrs, text: "" };
            annotationOwner = owner;
          }
        } else if (depth === 2 && name === "ude" && path[1] === "header") {
          headerUdes.push({ attrs: plainAttrs(attrs), maps: [] });
        } else if (depth === 3 && name === "map" && path[2] === "ude") {
          headerUdes.at(-1)?.maps.push(plainAttrs(attrs));
        } else if (depth === 3 && name === "tuv" && tu) {
          tuv = {
            attrs,
            annotations: [],
            lang: attrs["xml:lang"] ?? attrs["lang"],
            seg: null,
            line,
            column,
          };
        } else if (depth === 4 && name === "seg" && tuv) {
          seg = segBuilder;
        }
      },
      onText: (chunk) => {
        if (seg) {
          const top = segStack[segStack.length - 1];
          if (codeDepth > 0 && typeof top === "object") {
            const last = top.children.length - 1;
            const prev = top.children[last];
            if (typeof prev === "string") top.children[last] = prev + chunk;
            else top.children.push(chunk);
          } else {
            seg.addText(chunk);
          }
        } else if (annotation) {
          annotation.text += chunk;
        }
      },
      onClose: (name) => {
        path.pop();
        const depth = path.length;
        if (seg && depth > 4) {
          const top = segStack.pop();
          if (typeof top === "object") {
            codeDepth--;
            if (codeDepth === 0) seg.addCode(top);
          } else if (top === "hi") {
            seg.closeHi();
          }
          return;
        }
        if (seg && depth === 4) {
          tuv!.seg = seg.finish();
          seg = null;
        } else if (annotation && (name === "note" || name === "prop")) {
          annotation.text = detachText(annotation.text);
          annotationOwner!.push(annotation);
          annotation = null;
        } else if (depth === 3 && tuv && tu) {
          tu.tuvs.push(tuv);
          tuv = null;
        } else if (depth === 2 && tu) {
          readTu(tu, headerSrcLang ?? "");
          tu = null;
        } else if (depth === 1 && name === "header") {
          // The header as it came (attributes, notes, props, udes), for writing it back.
          const kept = meta(
            { attrs: headerAttrs, annotations: headerAnnotations ?? [], line: 0, column: 0 },
            [],
            NO_PROPS,
          );
          if (kept && headerUdes.length > 0) kept.udes = headerUdes;
          extras.header = kept;
        } else if (depth === 0) {
          if (headerSrcLang === null) fail("missing-header", rootAt);
          if (!sawBody) fail("missing-body", rootAt);
        }
      },
      // Only seg, note and prop content is read; indentation between elements is not.
      wantsText: () => seg !== null || annotation !== null,
    },
    {
      codePrefix: "tmx",
      ...(options.fileName ? { fileName: options.fileName } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
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
  const unitExtras = new Map(pendingExtras);
  // Units with different source tags: the writer says `*all*` in the header and names every tu's
  // source itself, so only a tu's `*all*` is worth keeping. With one source tag, the header's
  // `*all*` and every tu's srclang are kept as they came. (Selaras' own files then read back to the
  // same extras: their `*all*` and tu srclangs are the ones it would write again.)
  const mixed = sourceTags.size > 1;
  if (headerSrcLang === ALL_LANGS && !mixed)
    (extras.header ??= emptyMeta()).attrs["srclang"] = ALL_LANGS;
  for (const [segment, value] of tuSrclangs) {
    if (mixed && value !== ALL_LANGS) continue;
    let kept = unitExtras.get(segment);
    if (!kept) unitExtras.set(segment, (kept = { tu: emptyMeta(), variants: {}, others: [] }));
    kept.tu.attrs["srclang"] = detachText(value);
  }
  for (const [segment, kept] of unitExtras) extras.units.set(segment.id, kept);
  for (const builder of docs.values()) {
    if (builder.contentId)
      builder.doc.id = contentDocumentId(
        "tmx",
        options.fileName ?? options.defaultTitle ?? "",
        builder.doc,
      );
  }
  for (const [tag, count] of langCounts)
    report.languages.push({ tag, mappedTo: mapLang(tag), count });
  const bundle: Bundle = { documents: [...docs.values()].map((b) => b.doc) };
  return { bundle, report, extras, ...(exportedAt ? { exportedAt } : {}) };
}

/** Reads a TMX text into a Bundle (see readTmxWithReport for the errors and the report). */
export function readTmx(text: string, options: TmxReadOptions = {}): Bundle {
  return readTmxWithReport(text, options).bundle;
}
