import type { Bundle, BundleDocument, BundleSegment, BundleTarget } from "../../model/bundle.ts";
import type { TargetLang } from "../../model/languages.ts";
import { SOURCE_LANG, TARGET_LANGS } from "../../model/languages.ts";
import type { Status } from "../../model/status.ts";
import { xmlAttr as attr, xmlText as text } from "../xml/escape-xml.ts";
import { normalizeForXml } from "../xml/xml-chars.ts";
import { writeSegContent } from "./inline-codes.ts";
import { formatTmxDate } from "./tmx-date.ts";
import type { TmxExtras, TmxUde, TmxUnitExtras } from "./tmx-extras.ts";
import type { AnnotationFilter } from "./tmx-meta-writer.ts";
import { metaAnnotations, metaAttrs } from "./tmx-meta-writer.ts";
import { TMX_O_TMF, TMX_PROPS } from "./tmx-props.ts";
import { encodeCommentNote } from "../comment-note.ts";
import type { BundleComment } from "../../model/bundle.ts";

/**
 * What the TMX writer reads: a Bundle, or documents whose segments are any iterable that can be
 * walked more than once (the CLI's million-row table, read row by row on each walk instead of held).
 */
export interface TmxDocument extends Omit<BundleDocument, "segments"> {
  readonly segments: Iterable<BundleSegment>;
}
export interface TmxSource {
  readonly documents: readonly TmxDocument[];
}

export interface TmxWriteOptions {
  creationTool: string;
  creationToolVersion: string;
  /** Header creationdate, written as YYYYMMDDThhmmssZ. */
  creationDate: Date;
  /** Target languages to include, in this order (default: all). */
  languages?: readonly TargetLang[];
  /** Only targets with these statuses (default: every target with text). */
  statuses?: readonly Status[];
  /** Metadata kept from an imported TMX (readTmxWithReport): written back with the units. */
  extras?: TmxExtras;
  /** Write `<note>`s kept in extras (default true). */
  includeNotes?: boolean;
  /**
   * Write `<prop>`s (default true). When false, neither Selaras' own x- props (status, document,
   * paragraph) nor kept ones are written: a plain TM for other tools, which cannot be read back into
   * documents.
   */
  includeProps?: boolean;
  /**
   * Also write units that have no target in the exported languages (and statuses): a source alone
   * is not translation memory, so by default (false) such units are left out; `countTmxUnits`
   * says how many.
   */
  includeUntranslated?: boolean;
}

interface WriteContext {
  languages: readonly TargetLang[];
  statuses: ReadonlySet<Status> | null;
  mixedSources: boolean;
  filter: AnnotationFilter;
  /** Other-language variants are written only when no language filter was asked for. */
  others: boolean;
  extras: TmxExtras | undefined;
  includeUntranslated: boolean;
}

/**
 * Dates and authors repeat across thousands of units (one translator, one session): a small memo
 * of written attributes saves re-normalizing, re-escaping and re-formatting them.
 */
const memo = new Map<string, Map<string, string>>();
const MEMO_LIMIT = 4096;

/**
 * Keyed by attribute name, then by the value string itself (whose hash V8 caches). `make` is a
 * module-level function, not a closure made per call (a closure per attribute was garbage).
 */
function memoized(
  name: string,
  key: string,
  make: (name: string, value: string) => string,
): string {
  let byValue = memo.get(name);
  if (!byValue) memo.set(name, (byValue = new Map()));
  let value = byValue.get(key);
  if (value === undefined) {
    if (byValue.size >= MEMO_LIMIT) byValue.clear();
    value = make(name, key);
    byValue.set(key, value);
  }
  return value;
}

function formatDateAttr(name: string, value: Date | string): string {
  const formatted = formatTmxDate(value);
  return formatted === undefined ? "" : ` ${name}="${formatted}"`;
}

function dateAttr(name: string, value: Date | string | undefined): string {
  if (value === undefined) return "";
  return typeof value === "string"
    ? memoized(name, value, formatDateAttr)
    : formatDateAttr(name, value);
}

function authorAttr(name: string, value: string | undefined): string {
  return value ? memoized(name, value, attr) : "";
}

function prop(type: string, value: string): string {
  return `<prop type="${type}">${text(value)}</prop>`;
}

const TARGET_ATTRS = ["creationdate", "creationid", "changedate", "changeid"];

/** The source tuv's tag: as it came (en-US) when an imported TMX said so, else the code. */
function sourceTag(doc: TmxDocument, seg: BundleSegment, extras: TmxExtras | undefined): string {
  return extras?.units.get(seg.id)?.variants[doc.sourceLang]?.attrs["xml:lang"] ?? doc.sourceLang;
}

/**
 * The header's srclang: the one source tag every unit has (kept as it came: en-US, id-ID), or
 * `*all*` (each tu then names its own).
 */
function headerSrcLang(bundle: TmxSource, extras: TmxExtras | undefined): string {
  const tags = new Set<string>();
  for (const doc of bundle.documents) {
    if (!extras || extras.units.size === 0) tags.add(doc.sourceLang);
    else for (const seg of doc.segments) tags.add(sourceTag(doc, seg, extras));
    if (tags.size > 1) return "*all*";
  }
  return tags.size === 0 ? SOURCE_LANG : [...tags][0]!;
}

const SEGTYPES = new Set(["block", "paragraph", "sentence", "phrase"]);

/**
 * `<header>`'s attributes: the creation tool and date of this file, the rest as an imported TMX
 * had them (segtype — paragraph matters to OmegaT —, o-tmf, adminlang, datatype, o-encoding, who
 * and when), else Selaras' own.
 */
function headerAttrs(options: TmxWriteOptions, srclang: string): string {
  const kept = options.extras?.header?.attrs ?? {};
  const segtype =
    kept["segtype"] !== undefined && SEGTYPES.has(kept["segtype"]) ? kept["segtype"] : "sentence";
  let out =
    attr("creationtool", options.creationTool) +
    attr("creationtoolversion", options.creationToolVersion) +
    attr("segtype", segtype) +
    attr("o-tmf", kept["o-tmf"] ?? TMX_O_TMF) +
    attr("adminlang", kept["adminlang"] ?? "en") +
    attr("srclang", srclang) +
    attr("datatype", kept["datatype"] ?? "plaintext") +
    dateAttr("creationdate", options.creationDate);
  for (const name of ["o-encoding", "creationid", "changedate", "changeid"])
    if (kept[name] !== undefined) out += attr(name, kept[name]);
  return out;
}

/** The header's kept `<ude>`s (DTD: ude name, base; map unicode, code, ent, subst). */
function udeElements(udes: readonly TmxUde[] | undefined): string[] {
  const out: string[] = [];
  for (const ude of udes ?? []) {
    const name = ude.attrs["name"];
    if (!name) continue;
    const maps = ude.maps
      .filter((m) => m["unicode"])
      .map(
        (m) =>
          `    <map${["unicode", "code", "ent", "subst"].map((k) => (m[k] === undefined ? "" : attr(k, m[k]))).join("")}/>`,
      );
    const open = `  <ude${attr("name", name)}${ude.attrs["base"] === undefined ? "" : attr("base", ude.attrs["base"])}`;
    out.push(maps.length === 0 ? `${open}/>` : `${open}>\n${maps.join("\n")}\n  </ude>`);
  }
  return out;
}

function commentNotes(
  comments: readonly BundleComment[] | undefined,
  indent: string,
  lang?: TargetLang,
): string {
  let out = "";
  for (const c of comments ?? []) {
    const note = text(encodeCommentNote(c, lang));
    if (note !== "") out += `\n${indent}<note>${note}</note>`;
  }
  return out;
}

function targetTuv(
  lang: TargetLang,
  target: BundleTarget,
  segContent: string,
  unit: TmxUnitExtras | undefined,
  ctx: WriteContext,
  comments: readonly BundleComment[] | undefined,
): string {
  const meta = unit?.variants[lang];
  const tag = meta?.attrs["xml:lang"];
  let out =
    (tag === undefined ? `\n    <tuv xml:lang="${lang}"` : `\n    <tuv${attr("xml:lang", tag)}`) +
    dateAttr("creationdate", target.createdAt) +
    authorAttr("creationid", target.createdBy) +
    dateAttr("changedate", target.changedAt) +
    authorAttr("changeid", target.changedBy) +
    (meta ? metaAttrs("tuv", meta.attrs, TARGET_ATTRS) : "") +
    ">";
  if (ctx.filter.props) out += `\n      ${prop(TMX_PROPS.status, target.status)}`;
  for (const line of metaAnnotations(meta, ctx.filter, "      ")) out += `\n${line}`;
  if (ctx.filter.notes) out += commentNotes(comments, "      ");
  return `${out}\n      <seg>${segContent}</seg>\n    </tuv>`;
}

/** The tu-level props shared by every segment of a document, written once per document. */
function documentProps(doc: TmxDocument, ctx: WriteContext): string {
  if (!ctx.filter.props) return "";
  return (
    `\n    ${prop(TMX_PROPS.documentId, doc.id)}` +
    `\n    ${prop(TMX_PROPS.document, doc.title)}` +
    (doc.baseline ? `\n    ${prop(TMX_PROPS.baseline, doc.baseline)}` : "")
  );
}

/**
 * One `<tu>`, or null when it has no target in the exported languages and statuses (nor another
 * variant) and untranslated units are left out: the targets are written first, once.
 */
function writeTu(
  doc: TmxDocument,
  docProps: string,
  seg: BundleSegment,
  ctx: WriteContext,
): string | null {
  const unit = ctx.extras?.units.get(seg.id);
  // Comments of a language whose target is not written go on the tu, the language in the note.
  const written = new Set<TargetLang>();
  const tuvs: string[] = [];
  for (const lang of ctx.languages) {
    if (lang === doc.sourceLang) continue;
    const target = seg.targets[lang];
    if (!target || target.text === "") continue;
    if (ctx.statuses && !ctx.statuses.has(target.status)) continue;
    // Empty after normalization (only forbidden characters): no tuv, as for an empty target.
    const content = writeSegContent(target.text);
    if (content === "") continue;
    written.add(lang);
    tuvs.push(targetTuv(lang, target, content, unit, ctx, seg.comments?.[lang]));
  }
  if (
    tuvs.length === 0 &&
    !ctx.includeUntranslated &&
    !(ctx.others && unit?.others.some((o) => normalizeForXml(o.tag) !== ""))
  )
    return null;
  const tuAttrs = unit ? metaAttrs("tu", unit.tu.attrs, ["tuid", "srclang"]) : "";
  const srcTag = sourceTag(doc, seg, ctx.extras);
  // A tu names its source when the header cannot (*all*) or when it did so as it came.
  const tuSrclang =
    ctx.mixedSources || unit?.tu.attrs["srclang"] !== undefined ? attr("srclang", srcTag) : "";
  let out = `  <tu${attr("tuid", seg.id)}${tuSrclang}${tuAttrs}>`;
  if (ctx.filter.props) {
    out += `${docProps}\n    <prop type="${TMX_PROPS.paragraph}">${seg.paragraph}</prop>`;
  }
  for (const line of metaAnnotations(unit?.tu, ctx.filter, "    ")) out += `\n${line}`;
  if (seg.comments && ctx.filter.notes) {
    for (const lang of ctx.languages) {
      if (!written.has(lang)) out += commentNotes(seg.comments[lang], "    ", lang);
    }
  }
  const sourceMeta = unit?.variants[doc.sourceLang];
  const sourceNotes = metaAnnotations(sourceMeta, ctx.filter, "      ");
  const sourceAttrs = sourceMeta ? metaAttrs("tuv", sourceMeta.attrs) : "";
  const sourceSeg = `<seg>${writeSegContent(seg.source)}</seg>`;
  const sourceLangAttr =
    srcTag === doc.sourceLang ? ` xml:lang="${srcTag}"` : attr("xml:lang", srcTag);
  if (sourceNotes.length === 0) {
    out += `\n    <tuv${sourceLangAttr}${sourceAttrs}>${sourceSeg}</tuv>`;
  } else {
    out += `\n    <tuv${sourceLangAttr}${sourceAttrs}>\n${sourceNotes.join("\n")}\n      ${sourceSeg}\n    </tuv>`;
  }
  out += tuvs.join("");
  if (ctx.others && unit) {
    for (const other of unit.others) {
      const tag = normalizeForXml(other.tag);
      if (tag === "") continue;
      out += `\n    <tuv${attr("xml:lang", tag)}${metaAttrs("tuv", other.meta.attrs)}>`;
      for (const line of metaAnnotations(other.meta, ctx.filter, "      ")) out += `\n${line}`;
      out += `\n      <seg>${writeSegContent(other.text)}</seg>\n    </tuv>`;
    }
  }
  return `${out}\n  </tu>`;
}

/**
 * Writes a TMX 1.4b file (valid against the official DTD): one `<tu tuid>` per source segment with
 * the source `<tuv>` first, then one `<tuv>` per non-empty target. Forbidden XML characters are
 * stripped (see findXmlUnsafeText for the list), text is NFC-normalized, CR is kept as `&#13;`.
 * For a large export prefer writeTmxChunks: one string of the whole file doubles peak memory.
 */
export function writeTmx(bundle: Bundle, options: TmxWriteOptions): string {
  return writeTmxChunks(bundle, options).join("");
}

/**
 * writeTmx as a list of chunks of about 64 K characters that concatenate to the file, for
 * `new Blob(chunks)` or a stream. Units are gathered in a list and joined once per chunk, so each
 * chunk is one flat string: concatenating unit by unit would leave a tree of small strings per unit
 * for the garbage collector to copy, most of the export time on large files.
 */
export function writeTmxChunks(bundle: Bundle, options: TmxWriteOptions): string[] {
  return [...tmxChunks(bundle, options)];
}

/**
 * The chunks of writeTmxChunks one at a time, each built when it is asked for: written to a file as
 * they come, the file's text is never all in memory (a million units are some 400 MB of text).
 */
export function* tmxChunks(
  bundle: TmxSource,
  options: TmxWriteOptions,
): Generator<string, void, undefined> {
  const srclang = headerSrcLang(bundle, options.extras);
  const ctx: WriteContext = {
    languages: options.languages ?? TARGET_LANGS,
    statuses: options.statuses ? new Set(options.statuses) : null,
    mixedSources: srclang === "*all*",
    filter: { notes: options.includeNotes ?? true, props: options.includeProps ?? true },
    others: options.languages === undefined,
    extras: options.extras,
    includeUntranslated: options.includeUntranslated ?? false,
  };
  const headerContent = [
    ...metaAnnotations(options.extras?.header ?? undefined, ctx.filter, "  "),
    ...udeElements(options.extras?.header?.udes),
  ];
  const header = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    "<header" +
      headerAttrs(options, srclang) +
      (headerContent.length === 0 ? "/>" : `>\n${headerContent.join("\n")}\n</header>`),
    "<body>",
  ];
  let parts = [`${header.join("\n")}\n`];
  let length = 0;
  for (const doc of bundle.documents) {
    const docProps = documentProps(doc, ctx);
    for (const seg of doc.segments) {
      const tu = writeTu(doc, docProps, seg, ctx);
      if (tu === null) continue;
      parts.push(tu, "\n");
      length += tu.length;
      if (length >= CHUNK) {
        yield parts.join("");
        parts = [];
        length = 0;
      }
    }
  }
  parts.push("</body>\n</tmx>\n");
  yield parts.join("");
}

/**
 * What writeTmx would write: `units` written and `untranslated`, the units with no target in the
 * exported languages and statuses (left out unless includeUntranslated; written when it is set).
 */
export function countTmxUnits(
  bundle: TmxSource,
  options: Pick<TmxWriteOptions, "languages" | "statuses" | "extras" | "includeUntranslated">,
): { units: number; untranslated: number } {
  const ctx = {
    languages: options.languages ?? TARGET_LANGS,
    statuses: options.statuses ? new Set(options.statuses) : null,
    others: options.languages === undefined,
    extras: options.extras,
  };
  let units = 0;
  let untranslated = 0;
  for (const doc of bundle.documents) {
    for (const seg of doc.segments) {
      if (hasTarget(doc, seg, ctx)) units++;
      else untranslated++;
    }
  }
  return { units: units + (options.includeUntranslated ? untranslated : 0), untranslated };
}

/** Whether writeTu would write a `<tuv>` besides the source (the same tests, without writing). */
function hasTarget(
  doc: TmxDocument,
  seg: BundleSegment,
  ctx: Pick<WriteContext, "languages" | "statuses" | "others" | "extras">,
): boolean {
  for (const lang of ctx.languages) {
    if (lang === doc.sourceLang) continue;
    const target = seg.targets[lang];
    if (!target || target.text === "") continue;
    if (ctx.statuses && !ctx.statuses.has(target.status)) continue;
    if (writeSegContent(target.text) !== "") return true;
  }
  if (ctx.others) {
    const unit = ctx.extras?.units.get(seg.id);
    if (unit?.others.some((o) => normalizeForXml(o.tag) !== "")) return true;
  }
  return false;
}

/** Characters per chunk: large enough that joining costs little, small enough to stay young. */
const CHUNK = 64 * 1024;
