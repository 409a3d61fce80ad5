import type { Bundle, BundleDocument, BundleSegment, BundleTarget } from "../../model/bundle.ts";
import type { Lang, TargetLang } from "../../model/languages.ts";
import { LANGS, SOURCE_LANG, TARGET_LANGS } from "../../model/languages.ts";
import type { Status } from "../../model/status.ts";
import { xmlAttr as attr, xmlText as text } from "../xml/escape-xml.ts";
import { normalizeForXml } from "../xml/xml-chars.ts";
import { writeSegContent } from "./inline-codes.ts";
import { formatTmxDate } from "./tmx-date.ts";
import type { TmxExtras, TmxUde, TmxUnitExtras } from "./tmx-extras.ts";
import type { AnnotationFilter } from "./tmx-meta-writer.ts";
import { metaAnnotations, metaAttrs } from "./tmx-meta-writer.ts";
import { ALL_LANGS, TMX_O_TMF, TMX_PROPS } from "./tmx-props.ts";
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
 * The units' one source tag (kept as it came: en-US, id-ID), or null when they have several (the
 * header then says `*all*` and each tu names its own).
 */
function unitsSourceTag(bundle: TmxSource, extras: TmxExtras | undefined): string | null {
  const tags = new Set<string>();
  for (const doc of bundle.documents) {
    if (!extras || extras.units.size === 0) tags.add(doc.sourceLang);
    else for (const seg of doc.segments) tags.add(sourceTag(doc, seg, extras));
    if (tags.size > 1) return null;
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

/** A target `<tuv>`, its pieces pushed onto `out` (see tmxChunks: joined once per chunk). */
function targetTuv(
  out: string[],
  lang: TargetLang,
  target: BundleTarget,
  segContent: string,
  unit: TmxUnitExtras | undefined,
  ctx: WriteContext,
  comments: readonly BundleComment[] | undefined,
): void {
  const meta = unit?.variants[lang];
  const tag = meta?.attrs["xml:lang"];
  out.push(
    tag === undefined ? TUV_OPEN[lang] : `\n    <tuv${attr("xml:lang", tag)}`,
    dateAttr("creationdate", target.createdAt),
    authorAttr("creationid", target.createdBy),
    dateAttr("changedate", target.changedAt),
    authorAttr("changeid", target.changedBy),
  );
  if (meta) out.push(metaAttrs("tuv", meta.attrs, TARGET_ATTRS));
  out.push(">");
  if (ctx.filter.props) out.push("\n      ", statusProp(target.status));
  for (const line of metaAnnotations(meta, ctx.filter, "      ")) out.push("\n", line);
  if (ctx.filter.notes && comments) out.push(commentNotes(comments, "      "));
  out.push("\n      <seg>", segContent, "</seg>\n    </tuv>");
}

/** A `<tuv>`'s start for each of our language codes (written once, not once per unit). */
const TUV_OPEN = Object.fromEntries(
  LANGS.map((lang) => [lang, `\n    <tuv xml:lang="${lang}"`]),
) as Record<Lang, string>;
const PARAGRAPH_OPEN = `\n    <prop type="${TMX_PROPS.paragraph}">`;

/** The status prop: a handful of values, each written once. */
const STATUS_PROPS = new Map<string, string>();
function statusProp(status: Status): string {
  let written = STATUS_PROPS.get(status);
  if (written === undefined) STATUS_PROPS.set(status, (written = prop(TMX_PROPS.status, status)));
  return written;
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
 * One `<tu>`, its pieces pushed onto `out`; false (nothing pushed) when it has no target in the
 * exported languages and statuses (nor another variant) and untranslated units are left out. The
 * pieces are joined once per chunk: a unit concatenated piece by piece would be a tree of small
 * strings, flattened once for itself and copied again into its chunk.
 */
function writeTu(
  out: string[],
  doc: TmxDocument,
  docProps: string,
  seg: BundleSegment,
  ctx: WriteContext,
): boolean {
  const unit = ctx.extras?.units.get(seg.id);
  // The targets' contents first: whether the unit is written at all depends on them.
  let contents: (string | undefined)[] | null = null;
  let written = 0;
  for (let i = 0; i < ctx.languages.length; i++) {
    const lang = ctx.languages[i]!;
    if (lang === doc.sourceLang) continue;
    const target = seg.targets[lang];
    if (!target || target.text === "") continue;
    if (ctx.statuses && !ctx.statuses.has(target.status)) continue;
    // Empty after normalization (only forbidden characters): no tuv, as for an empty target.
    const content = writeSegContent(target.text);
    if (content === "") continue;
    (contents ??= new Array<string | undefined>(ctx.languages.length))[i] = content;
    written++;
  }
  if (
    written === 0 &&
    !ctx.includeUntranslated &&
    !(ctx.others && unit?.others.some((o) => normalizeForXml(o.tag) !== ""))
  )
    return false;
  const srcTag = sourceTag(doc, seg, ctx.extras);
  // A tu names its source when the units' sources differ or when it did so as it came (`*all*`
  // as `*all*`: the source is the first tuv, and any tuv may be).
  const keptSrclang = unit?.tu.attrs["srclang"];
  const tuSrclang =
    keptSrclang === ALL_LANGS
      ? ` srclang="${ALL_LANGS}"`
      : ctx.mixedSources || keptSrclang !== undefined
        ? attr("srclang", srcTag)
        : "";
  out.push("  <tu", attr("tuid", seg.id), tuSrclang);
  if (unit) out.push(metaAttrs("tu", unit.tu.attrs, ["tuid", "srclang"]));
  out.push(">");
  if (ctx.filter.props) {
    out.push(docProps, PARAGRAPH_OPEN, String(seg.paragraph), "</prop>");
  }
  for (const line of metaAnnotations(unit?.tu, ctx.filter, "    ")) out.push("\n", line);
  if (seg.comments && ctx.filter.notes) {
    // Comments of a language whose target is not written go on the tu, the language in the note.
    for (let i = 0; i < ctx.languages.length; i++) {
      const lang = ctx.languages[i]!;
      if (contents?.[i] === undefined) out.push(commentNotes(seg.comments[lang], "    ", lang));
    }
  }
  const sourceMeta = unit?.variants[doc.sourceLang];
  const sourceNotes = metaAnnotations(sourceMeta, ctx.filter, "      ");
  out.push(
    srcTag === doc.sourceLang ? TUV_OPEN[doc.sourceLang] : `\n    <tuv${attr("xml:lang", srcTag)}`,
  );
  if (sourceMeta) out.push(metaAttrs("tuv", sourceMeta.attrs));
  if (sourceNotes.length === 0) {
    out.push("><seg>", writeSegContent(seg.source), "</seg></tuv>");
  } else {
    out.push(">\n", sourceNotes.join("\n"), "\n      <seg>", writeSegContent(seg.source));
    out.push("</seg>\n    </tuv>");
  }
  if (contents) {
    for (let i = 0; i < ctx.languages.length; i++) {
      const content = contents[i];
      if (content === undefined) continue;
      const lang = ctx.languages[i]!;
      targetTuv(out, lang, seg.targets[lang]!, content, unit, ctx, seg.comments?.[lang]);
    }
  }
  if (ctx.others && unit) {
    for (const other of unit.others) {
      const tag = normalizeForXml(other.tag);
      if (tag === "") continue;
      out.push(`\n    <tuv${attr("xml:lang", tag)}${metaAttrs("tuv", other.meta.attrs)}>`);
      for (const line of metaAnnotations(other.meta, ctx.filter, "      ")) out.push("\n", line);
      out.push("\n      <seg>", writeSegContent(other.text), "</seg>\n    </tuv>");
    }
  }
  out.push("\n  </tu>\n");
  return true;
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
  for (const pieces of tmxPieces(bundle, options, CHUNK_PIECES)) yield pieces.join("");
}

/** The file's text as lists of at least `max` pieces (the last one shorter) that join to it. */
function* tmxPieces(
  bundle: TmxSource,
  options: TmxWriteOptions,
  max: number,
): Generator<string[], void, undefined> {
  const unitsTag = unitsSourceTag(bundle, options.extras);
  // An imported header's `*all*` is kept: the source tuv comes first in every unit written.
  const srclang =
    unitsTag === null || options.extras?.header?.attrs["srclang"] === ALL_LANGS
      ? ALL_LANGS
      : unitsTag;
  const ctx: WriteContext = {
    languages: options.languages ?? TARGET_LANGS,
    statuses: options.statuses ? new Set(options.statuses) : null,
    mixedSources: unitsTag === null,
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
  // Counted in pieces, not characters: a unit is some forty of them, a chunk a few hundred units.
  for (const doc of bundle.documents) {
    const docProps = documentProps(doc, ctx);
    for (const seg of doc.segments) {
      if (writeTu(parts, doc, docProps, seg, ctx) && parts.length >= max) {
        yield parts;
        parts = [];
      }
    }
  }
  parts.push("</body>\n</tmx>\n");
  yield parts;
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

/** Pieces per chunk (some 64 K characters): enough that joining costs little, few enough to stay young. */
const CHUNK_PIECES = 8 * 1024;
