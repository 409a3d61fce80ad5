import { splitInlineCodes } from "../tmx/inline-codes.ts";
import { escapeXmlAttr, xmlText } from "../xml/escape-xml.ts";
import type { XmlElement } from "../xml/parse-xml.ts";
import { isElement, parseXml } from "../xml/parse-xml.ts";
import {
  serializeElement,
  startTag,
  TMX_CTYPE_PREFIX,
  TMX_SUBTYPE_PREFIX,
  XLIFF_TYPE_1,
  XLIFF_TYPE_2,
} from "./xliff-inline.ts";

/** One inline code of a text, as the XLIFF writers see it. */
interface Code {
  /** TMX element: bpt, ept, it, ph, ut. */
  tmx: string;
  i: string | undefined;
  pos: string | undefined;
  type: string | undefined;
  /** The native code (for XLIFF-born codes: their markup). */
  native: string;
  /** Canonical placeholder XML with its occurrence number: the same code in source and target. */
  key: string;
  /** Index of the other end of a bpt/ept pair, and whether the pair crosses another. */
  pair?: number;
  crossing?: boolean;
}

/** A TMX `<hi>` start or end (`key`: its start's, shared by both ends). */
interface Hi {
  hi: "open" | "close";
  key: string;
}

type Piece = { text: string } | Code | Hi;

function isCode(p: Piece): p is Code {
  return "tmx" in p;
}

function isHi(p: Piece): p is Hi {
  return "hi" in p;
}

const ATTR_RE = /([\w:.-]+)="([^"]*)"/g;

function unescapeXml(v: string): string {
  return v
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

function headAttrs(xml: string): Record<string, string> {
  const head = /^<[^>]*>/.exec(xml)?.[0] ?? "";
  const out: Record<string, string> = {};
  for (const m of head.matchAll(ATTR_RE)) out[m[1]!] = unescapeXml(m[2]!);
  return out;
}

/** Text and codes of a Selaras text; bpt/ept paired by `i` (with the nearest open bpt). */
function pieces(value: string): Piece[] {
  const out: Piece[] = [];
  const open: number[] = [];
  const seen = new Map<string, number>();
  const his: Hi[] = [];
  for (const part of splitInlineCodes(value)) {
    if (part.kind === "text") {
      out.push({ text: part.text });
      continue;
    }
    if (part.kind === "hi-open") {
      const n = (seen.get(part.xml) ?? 0) + 1;
      seen.set(part.xml, n);
      const hi: Hi = { hi: "open", key: `${part.xml}#${n}` };
      his.push(hi);
      out.push(hi);
      continue;
    }
    if (part.kind === "hi-close") {
      // A <hi> is written when both its ends are in the text; an end alone is dropped.
      const start = his.pop();
      if (start) out.push({ hi: "close", key: start.key });
      continue;
    }
    const attrs = headAttrs(part.xml);
    const n = (seen.get(part.xml) ?? 0) + 1;
    seen.set(part.xml, n);
    const code: Code = {
      tmx: part.name,
      i: attrs["i"],
      pos: attrs["pos"],
      type: attrs["type"],
      native: part.display,
      key: `${part.xml}#${n}`,
    };
    const index = out.length;
    out.push(code);
    if (code.tmx === "bpt") open.push(index);
    else if (code.tmx === "ept") {
      for (let k = open.length - 1; k >= 0; k--) {
        const b = out[open[k]!] as Code;
        if (b.i !== code.i) continue;
        b.pair = index;
        code.pair = open[k]!;
        b.crossing = code.crossing = k !== open.length - 1;
        // A TMX <ept> has no type: it is XLIFF-born when its <bpt> is.
        if (code.type === undefined) code.type = b.type;
        open.splice(k, 1);
        break;
      }
    }
  }
  return his.length === 0 ? out : out.filter((p) => !isHi(p) || !his.includes(p));
}

/** Parses one XLIFF-born tag (a start tag gets its end tag added); null when it is not XML. */
function parseTag(raw: string): XmlElement | null {
  const isStart = /^<[^/!?][^>]*[^/]>$|^<[^/!?>]>$/.test(raw) && !raw.endsWith("/>");
  const name = /^<([^\s/>]+)/.exec(raw)?.[1];
  if (!name) return null;
  let root: XmlElement | null = null;
  try {
    parseXml(
      isStart ? `${raw}</${name}>` : raw,
      { onClose: (el, depth) => void (depth === 0 && (root = el)) },
      { codePrefix: "inline" },
    );
  } catch {
    return null;
  }
  return root;
}

function attrText(attrs: Record<string, string>): string {
  let out = "";
  for (const [k, v] of Object.entries(attrs)) out += ` ${k}="${escapeXmlAttr(v)}"`;
  return out;
}

/**
 * Ids of one unit's codes, shared by its source and target: ids the XLIFF-born codes carry are
 * kept, the others get fresh ones that do not clash with them.
 */
export class UnitIds {
  private readonly used = new Set<string>();
  private readonly byKey = new Map<string, string>();
  private n = 0;
  /** 2.0 `<originalData>`: id → data. */
  readonly data = new Map<string, string>();
  private dataN = 0;

  constructor(texts: readonly string[]) {
    for (const text of texts)
      for (const p of pieces(text)) {
        if (!isCode(p)) continue;
        const t = p.type ?? "";
        if (!t.startsWith(XLIFF_TYPE_1) && !t.startsWith(XLIFF_TYPE_2)) continue;
        const markup = t === XLIFF_TYPE_1 || t === XLIFF_TYPE_2 ? p.native : t.slice(9);
        const id = /\sid="([^"]*)"/.exec(markup)?.[1];
        if (id !== undefined) this.used.add(unescapeXml(id));
      }
  }

  /** The id for a generated code (the same key gets the same id in source and target). */
  id(key: string, prefix: string): string {
    let id = this.byKey.get(key);
    if (id === undefined) {
      do id = `${prefix}${++this.n}`;
      while (this.used.has(id));
      this.used.add(id);
      this.byKey.set(key, id);
    }
    return id;
  }

  /** A data id for `content`: `wanted` when free or already this content, else a fresh one. */
  dataId(content: string, wanted?: string): string {
    if (wanted !== undefined) {
      const had = this.data.get(wanted);
      if (had === undefined || had === content) {
        this.data.set(wanted, content);
        return wanted;
      }
    }
    for (const [id, c] of this.data) if (c === content && wanted === undefined) return id;
    let id: string;
    do id = `d${++this.dataN}`;
    while (this.data.has(id));
    this.data.set(id, content);
    return id;
  }
}

/** Where a code came from: XLIFF version 1 or 2 (null: TMX or Selaras), and its tag in colon form. */
function origin(p: Code): { v: 1 | 2 | null; tag: string | null } {
  const t = p.type ?? "";
  const m = /^x-xliff([12])(?::([\s\S]*))?$/.exec(t);
  if (!m) return { v: null, tag: null };
  return { v: m[1] === "1" ? 1 : 2, tag: m[2] ?? null };
}

function tagName(tag: string): string {
  return /^<([^\s/>]+)/.exec(tag)?.[1] ?? "";
}

const XTEND = /^x-\S+$/;
const NMTOKEN = /^[\p{L}\p{Nd}\p{Mn}\p{Mc}._:-]+$/u;
const oneOf =
  (...values: string[]) =>
  (v: string) =>
    values.includes(v);
const extensible =
  (...values: string[]) =>
  (v: string) =>
    values.includes(v) || XTEND.test(v);
const anyString = () => true;
const DELIMITERS = extensible("bold", "italic", "underlined", "link");
const PLACEHOLDERS = extensible("image", "pb", "lb");
/* prettier-ignore */
const MTYPES = extensible("abbrev", "abbreviated-form", "abbreviation", "acronym", "appellation", "collocation", "common-name", "datetime", "equation", "expanded-form", "formula", "head-term", "initialism", "international-scientific-term", "internationalism", "logical-expression", "materials-management-unit", "name", "near-synonym", "part-number", "phrase", "phraseological-unit", "protected", "romanized-form", "seg", "set-phrase", "short-form", "sku", "standard-text", "symbol", "synonym", "synonymous-phrase", "term", "transcribed-form", "transliterated-form", "truncated-term", "variant");
/* prettier-ignore */
const DATATYPES = extensible("asp", "c", "cdf", "cfm", "cpp", "csharp", "cstring", "csv", "database", "documentfooter", "documentheader", "filedialog", "form", "html", "htmlbody", "ini", "interleaf", "javaclass", "javapropertyresourcebundle", "javalistresourcebundle", "javascript", "jscript", "layout", "lisp", "margin", "menufile", "messagefile", "mif", "mimetype", "mo", "msglib", "pagefooter", "pageheader", "parameters", "pascal", "php", "plaintext", "po", "report", "resources", "resx", "rtf", "sgml", "sgmldtd", "svg", "vbscript", "warning", "winres", "xhtml", "xml", "xmldtd", "xsl", "xul");
const YES_NO = oneOf("yes", "no");
const nmtoken = (v: string) => NMTOKEN.test(v);
const TEXT_CONTENT = { id: anyString, xid: anyString, "equiv-text": anyString };

/**
 * The attributes xliff-core-1.2-strict.xsd declares on each inline element, with a check of their
 * values. Others (WorldServer's `<ph x>`, `<g href>`, `<mrk id>`, attributes of other namespaces,
 * which the strict wildcard refuses undeclared) are left out of written 1.2: the code keeps them
 * for TMX, JSON and 2.0.
 */
const ATTRS_12: Record<string, Record<string, (v: string) => boolean>> = {
  g: { ctype: DELIMITERS, clone: YES_NO, ...TEXT_CONTENT },
  x: { ctype: PLACEHOLDERS, clone: YES_NO, ...TEXT_CONTENT },
  bx: { rid: nmtoken, ctype: DELIMITERS, clone: YES_NO, ...TEXT_CONTENT },
  ex: { rid: nmtoken, ...TEXT_CONTENT },
  ph: {
    ctype: PLACEHOLDERS,
    crc: anyString,
    assoc: oneOf("preceding", "following", "both"),
    ...TEXT_CONTENT,
  },
  bpt: { rid: nmtoken, ctype: DELIMITERS, crc: anyString, ...TEXT_CONTENT },
  ept: { rid: nmtoken, crc: anyString, ...TEXT_CONTENT },
  it: {
    pos: oneOf("open", "close"),
    rid: nmtoken,
    ctype: DELIMITERS,
    crc: anyString,
    ...TEXT_CONTENT,
  },
  sub: { datatype: DATATYPES, ctype: DELIMITERS, xid: anyString },
  mrk: { mtype: MTYPES, mid: nmtoken, comment: anyString },
};

const EMPTY_12 = new Set(["x", "bx", "ex"]);

/**
 * The attributes of a 1.2 inline element the schema allows; a required one missing or invalid is
 * supplied (`id` from `id()`, `pos` from `end`, `mtype` x-unknown).
 */
function attrs12(
  name: string,
  attrs: Record<string, string>,
  id: () => string,
  end: boolean,
): Record<string, string> {
  const allowed = ATTRS_12[name] ?? {};
  const out: Record<string, string> = {};
  if (name === "it") {
    // XLIFF 2-style or TMX-style positions (begin/end) are written as 1.2's open/close.
    const pos = attrs["pos"];
    out["pos"] = pos === "open" || pos === "close" ? pos : end || pos === "end" ? "close" : "open";
  }
  if (name === "mrk") out["mtype"] = attrs["mtype"] ?? "x-unknown";
  for (const [k, v] of Object.entries(attrs)) {
    const check = allowed[k];
    if (check && check(v)) out[k] = v;
  }
  if (name === "mrk") {
    if (!MTYPES(out["mtype"] ?? "")) out["mtype"] = "x-unknown";
    // A segment mark as a code (SDLXLIFF's <mrk mtype="seg" mid> in a target whose source has
    // none): a target's <mrk mid> must name a <seg-source> mark, which only the writer's own
    // segment marks have; so the code is no segment mark in 1.2, and has no mid.
    if (out["mtype"] === "seg") out["mtype"] = "x-seg";
    delete out["mid"];
  }
  if (name !== "sub" && name !== "mrk" && out["id"] === undefined) out["id"] = id();
  return out;
}

/** An XLIFF 1.2 inline element and its content with only what the schema allows (see attrs12). */
function clean12(el: XmlElement, id: () => string): XmlElement {
  const children: XmlElement["children"] = [];
  for (const c of el.children) {
    if (!isElement(c)) children.push(c);
    else if (ATTRS_12[c.name]) children.push(clean12(c, id));
    // An element 1.2 does not know inside a code: its text.
    else children.push(...clean12({ ...c, name: "sub" }, id).children);
  }
  return { ...el, attrs: attrs12(el.name, el.attrs, id, false), children };
}

/**
 * An XLIFF 1-born tag or whole element as 1.2 allows it (attrs12), null when it is no 1.2 inline
 * element (an XLIFF 2 `<pc>` in a 1.2 file: written as a generic code). An end tag is kept.
 */
function fix12(raw: string, id: () => string, end: boolean): string | null {
  if (raw.startsWith("</")) return ATTRS_12[/^<\/([^\s>]+)/.exec(raw)?.[1] ?? ""] ? raw : null;
  const el = parseTag(raw);
  if (!el || !ATTRS_12[el.name]) return null;
  // An <x>, <bx> or <ex> is empty in 1.2: one with content (matecat's <ex>text</ex>) is generic.
  if (EMPTY_12.has(el.name) && el.children.length > 0) return null;
  const isStart = !raw.endsWith("/>") && !raw.endsWith(`</${el.name}>`);
  if (isStart) return startTag(el, attrs12(el.name, el.attrs, id, end));
  const cleaned = clean12(el, id);
  return serializeElement(cleaned, attrs12(el.name, el.attrs, id, end));
}

/** A generic (not XLIFF 1-born) code in XLIFF 1.2. */
function generic12(ps: readonly Piece[], p: Code, ids: UnitIds): string {
  const native = xmlText(p.native);
  if ((p.tmx === "bpt" || p.tmx === "ept") && p.pair !== undefined) {
    const bpt = p.tmx === "bpt" ? p : (ps[p.pair] as Code);
    return `<${p.tmx} id="${ids.id(bpt.key, "")}">${native}</${p.tmx}>`;
  }
  // An unpaired TMX <bpt>/<ept>, and <ut>, name their TMX element (xliff-inline.ts reads it back).
  const born = origin(p).v === null && p.tmx !== "it" && p.tmx !== "ph";
  const ctype = born ? ` ctype="${TMX_CTYPE_PREFIX}${p.tmx}"` : "";
  if (p.tmx === "bpt" || p.tmx === "ept" || p.tmx === "it") {
    const pos = p.tmx === "bpt" || (p.tmx === "it" && p.pos !== "end") ? "open" : "close";
    return `<it id="${ids.id(p.key, "")}" pos="${pos}"${ctype}>${native}</it>`;
  }
  return `<ph id="${ids.id(p.key, "")}"${ctype}>${native}</ph>`;
}

/**
 * XLIFF 1.2 `<source>`/`<target>` content: text escaped; codes born in XLIFF 1.x written back as
 * they came (a `<g>`/`<mrk>`/`<bpt>` pair only when both its ends are there and well nested), other
 * codes as `<bpt>/<ept>` pairs, `<it>` for an unpaired end, `<ph>` (native code inside).
 */
export function writeInline12(value: string, ids: UnitIds): string {
  const ps = pieces(value);
  let out = "";
  for (const p of ps) {
    if (isHi(p)) {
      // A TMX <hi>: <bx>/<ex> (a code, not a <mrk>: it need not nest with the other codes).
      const id = ids.id(p.key, "");
      out +=
        p.hi === "open" ? `<bx id="${id}" ctype="${TMX_CTYPE_PREFIX}hi"/>` : `<ex id="${id}"/>`;
      continue;
    }
    if (!isCode(p)) {
      out += xmlText(p.text);
      continue;
    }
    const paired = p.pair !== undefined && !p.crossing;
    const { v, tag } = origin(p);
    // A supplied id (a required one missing): a pair's ends share their start's.
    const start = p.tmx === "ept" && p.pair !== undefined ? (ps[p.pair] as Code) : p;
    const id = () => ids.id(start.key, "");
    const end = p.tmx === "ept" || (p.tmx === "it" && p.pos === "end");
    const fixed =
      v === 1 && (p.tmx === "ph" || p.tmx === "it" || paired)
        ? fix12(tag ?? p.native, id, end)
        : null;
    if (fixed === null) out += generic12(ps, p, ids);
    else if (tag === null) out += fixed;
    else if (p.tmx === "ept") {
      // Its <bpt>'s tag: the same id or rid.
      const a = headAttrs(fixed);
      const ref = a["rid"] !== undefined ? ` rid="${escapeXmlAttr(a["rid"])}"` : "";
      out += `<ept id="${escapeXmlAttr(a["id"] ?? id())}"${ref}>${xmlText(p.native)}</ept>`;
    } else out += `${fixed}${xmlText(p.native)}</${tagName(fixed)}>`;
  }
  return out;
}

const CODE_2 = ["canCopy", "canDelete", "canReorder", "copyOf", "id", "subType", "type"];
const SC_EC_2 = [
  ...CODE_2,
  "canOverlap",
  "dataRef",
  "dir",
  "disp",
  "equiv",
  "isolated",
  "subFlows",
];
const MARKER_2 = ["id", "translate", "type", "ref", "value"];

/**
 * The attributes xliff_core_2.0.xsd declares on each inline element, and whether it allows
 * attributes of other namespaces (`fs:fs`, `slr:*`, `its:*`: kept with their `xmlns:` declaration,
 * which the reader puts on the element; one without it is left out).
 */
const ATTRS_2: Record<string, { names: Set<string>; other: boolean }> = {
  ph: { names: new Set([...CODE_2, "disp", "equiv", "dataRef", "subFlows"]), other: true },
  pc: {
    names: new Set([
      ...CODE_2,
      ...["canOverlap", "dispEnd", "dispStart", "equivEnd", "equivStart", "dataRefEnd"],
      ...["dataRefStart", "subFlowsEnd", "subFlowsStart", "dir"],
    ]),
    other: true,
  },
  sc: { names: new Set(SC_EC_2), other: true },
  ec: { names: new Set([...SC_EC_2, "startRef"]), other: true },
  mrk: { names: new Set(MARKER_2), other: true },
  sm: { names: new Set(MARKER_2), other: true },
  em: { names: new Set(["startRef"]), other: false },
  cp: { names: new Set(["hex"]), other: false },
};

/** The attributes of a 2.0 inline element the schema allows (ATTRS_2), namespaces declared. */
function attrs2(name: string, attrs: Record<string, string>): Record<string, string> {
  const spec = ATTRS_2[name]!;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    const colon = k.indexOf(":");
    if (colon < 0) {
      if (spec.names.has(k)) out[k] = v;
      continue;
    }
    const prefix = k.slice(0, colon);
    if (!spec.other || prefix === "xmlns" || prefix === "xml") continue;
    const uri = attrs[`xmlns:${prefix}`];
    if (uri === undefined || /^urn:oasis:names:tc:xliff:document:/.test(uri)) continue;
    out[`xmlns:${prefix}`] = uri;
    out[k] = v;
  }
  return out;
}

/**
 * An XLIFF 2.0-born tag written back: `data` (when given) becomes `<originalData>` under the
 * attribute `ref` (its id as it came when free); an `<sc>` or `<ec>` whose other end is not in
 * `ends` is written isolated.
 */
function tag2(
  raw: string,
  ids: UnitIds,
  ends: Set<string> | null,
  data: Record<string, string | undefined> = {},
): string | null {
  const el = parseTag(raw);
  if (!el) return xmlText(raw);
  if (!ATTRS_2[el.name]) return null;
  let attrs = attrs2(el.name, el.attrs);
  if (attrs["id"] === undefined && el.name !== "ec" && el.name !== "em" && el.name !== "cp")
    attrs = { id: ids.id(raw, "c"), ...attrs };
  for (const [ref, content] of Object.entries(data)) {
    if (content === undefined) continue;
    attrs[ref] = ids.dataId(content, attrs[ref]);
  }
  if (ends && el.name === "sc" && attrs["isolated"] !== "yes" && !ends.has(`ec:${attrs["id"]}`))
    attrs["isolated"] = "yes";
  if (
    ends &&
    el.name === "ec" &&
    attrs["isolated"] !== "yes" &&
    !ends.has(`sc:${attrs["startRef"]}`)
  ) {
    const { startRef, ...rest } = attrs;
    attrs = { id: startRef ?? "", ...rest, isolated: "yes" };
  }
  return `<${el.name}${attrText(attrs)}${raw.endsWith("/>") ? "/>" : ">"}`;
}

/** A generic (not XLIFF 2-born) code in XLIFF 2.0: sc/ec, isolated when unpaired, or ph. */
function generic2(ps: readonly Piece[], p: Code, ids: UnitIds): string {
  const data = p.native === "" ? "" : ` dataRef="${ids.dataId(p.native)}"`;
  if ((p.tmx === "bpt" || p.tmx === "ept") && p.pair !== undefined) {
    const bpt = p.tmx === "bpt" ? p : (ps[p.pair] as Code);
    const id = ids.id(bpt.key, "c");
    return p.tmx === "bpt" ? `<sc id="${id}"${data}/>` : `<ec startRef="${id}"${data}/>`;
  }
  // An unpaired TMX <bpt>/<ept>, and <ut>, name their TMX element (xliff-inline.ts reads it back).
  const born = origin(p).v === null && p.tmx !== "it" && p.tmx !== "ph";
  const sub = born ? ` type="other" subType="${TMX_SUBTYPE_PREFIX}${p.tmx}"` : "";
  if (p.tmx === "bpt" || p.tmx === "ept" || p.tmx === "it") {
    const start = p.tmx === "bpt" || (p.tmx === "it" && p.pos !== "end");
    return `<${start ? "sc" : "ec"} id="${ids.id(p.key, "c")}" isolated="yes"${sub}${data}/>`;
  }
  return `<ph id="${ids.id(p.key, "c")}"${sub}${data}/>`;
}

/**
 * XLIFF 2.0 `<source>`/`<target>` content: codes born in XLIFF 2.0 written back as they came (a
 * `<pc>`/`<mrk>` only with both ends, well nested; an `<sc>`/`<ec>` isolated when its other end is
 * gone), their data in `<originalData>` (ids.data); other codes as `<sc>/<ec>` (isolated when
 * unpaired) or `<ph>` with their native code as data.
 */
export function writeInline2(value: string, ids: UnitIds, ends: Set<string>): string {
  const ps = pieces(value);
  let out = "";
  for (const p of ps) {
    if (isHi(p)) {
      // A TMX <hi>: <sm>/<em> markers (they need not nest with the other codes).
      const id = ids.id(p.key, "m");
      out +=
        p.hi === "open"
          ? `<sm id="${id}" type="${TMX_SUBTYPE_PREFIX}hi"/>`
          : `<em startRef="${id}"/>`;
      continue;
    }
    if (!isCode(p)) {
      out += xmlText(p.text);
      continue;
    }
    const paired = p.pair !== undefined && !p.crossing;
    const { v, tag } = origin(p);
    if (v !== 2) {
      out += generic2(ps, p, ids);
      continue;
    }
    // An element 2.0 does not know (a 1.2 <g> in a 2.0 file): a generic code.
    const or = (written: string | null) => written ?? generic2(ps, p, ids);
    if (tag === null) {
      // The markup itself.
      const isScEc = /^<[se]c[\s/]/.test(p.native);
      if (p.tmx === "ph" || p.tmx === "it" || (isScEc && !paired))
        out += or(tag2(p.native, ids, ends));
      else if (paired) out += p.native.startsWith("</") ? p.native : or(tag2(p.native, ids, null));
      else out += generic2(ps, p, ids);
      continue;
    }
    const name = tagName(tag);
    const a = headAttrs(tag);
    if (name === "pc" && (p.tmx === "ph" || p.tmx === "it")) {
      // An empty <pc>: its data under dataRefStart/dataRefEnd (a <pc> has no dataRef).
      out += or(
        tag2(tag, ids, ends, {
          dataRefStart: a["dataRefStart"] !== undefined || p.native !== "" ? p.native : undefined,
          dataRefEnd: a["dataRefEnd"] !== undefined ? "" : undefined,
        }),
      );
    } else if (p.tmx === "ph" || p.tmx === "it" || (name === "sc" && !paired)) {
      out += or(tag2(tag, ids, ends, { dataRef: p.native }));
    } else if (paired && p.tmx === "bpt" && name === "pc") {
      const end = (ps[p.pair!] as Code).native;
      out += or(
        tag2(tag, ids, null, {
          dataRefStart: a["dataRefStart"] !== undefined || p.native !== "" ? p.native : undefined,
          dataRefEnd: a["dataRefEnd"] !== undefined || end !== "" ? end : undefined,
        }),
      );
    } else if (paired && p.tmx === "ept" && name === "pc") {
      out += "</pc>";
    } else if (paired && p.tmx === "bpt") {
      out += or(tag2(tag, ids, null, { dataRef: p.native }));
    } else if (paired && p.tmx === "ept") {
      const id = a["id"] ?? "";
      const data = p.native === "" ? "" : ` dataRef="${ids.dataId(p.native)}"`;
      out += `<ec startRef="${escapeXmlAttr(id)}"${data}/>`;
    } else out += generic2(ps, p, ids);
  }
  return out;
}

/**
 * `sc:<id>` and `ec:<startRef>` of the XLIFF 2.0-born `<sc>`/`<ec>` of the texts of one unit side
 * (source or target of all its segments) that have their other end, in order.
 */
export function scEcEnds(texts: readonly string[]): Set<string> {
  const ends = new Set<string>();
  const opened = new Set<string>();
  for (const text of texts)
    for (const p of pieces(text)) {
      if (!isCode(p)) continue;
      const t = p.type ?? "";
      if (!t.startsWith(XLIFF_TYPE_2)) continue;
      let markup = t === XLIFF_TYPE_2 ? p.native : t.slice(XLIFF_TYPE_2.length + 1);
      // A paired <ept> of colon form stands for an <ec startRef> of its <sc>.
      if (p.tmx === "ept" && t !== XLIFF_TYPE_2) {
        const id = headAttrs(markup)["id"] ?? "";
        markup = `<ec startRef="${escapeXmlAttr(id)}"/>`;
      }
      const el = /^<(sc|ec)[\s/]/.exec(markup)?.[1];
      if (!el) continue;
      const attrs = headAttrs(markup);
      if (attrs["isolated"] === "yes") continue;
      if (el === "sc") opened.add(attrs["id"] ?? "");
      else if (attrs["startRef"] !== undefined && opened.has(attrs["startRef"])) {
        ends.add(`sc:${attrs["startRef"]}`);
        ends.add(`ec:${attrs["startRef"]}`);
      }
    }
  return ends;
}
