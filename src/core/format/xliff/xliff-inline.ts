import { CODE_END, CODE_START } from "../tmx/inline-codes.ts";
import { escapeXmlAttr, escapeXmlText } from "../xml/escape-xml.ts";
import { normalizeForXml } from "../xml/xml-chars.ts";
import type { XmlElement, XmlNode } from "../xml/parse-xml.ts";
import { isElement } from "../xml/parse-xml.ts";

/**
 * XLIFF inline markup kept exactly (issue 11 class 3). Every XLIFF inline element becomes a TMX
 * code placeholder (tmx/inline-codes.ts) whose `type` says where it came from:
 *
 * - `x-xliff1` / `x-xliff2`: the code's content is the element's own markup as it came
 *   (`<x id="INTERPOLATION" equiv-text="{{ name }}"/>`, `<g id="1" ctype="bold">` … `</g>`);
 * - `x-xliff1:<start tag>` / `x-xliff2:<start tag>`: the content is the native code (a 1.x
 *   `<ph>`/`<bpt>`/`<ept>`/`<it>`'s text, a 2.0 code's `<originalData>`), the tag the element's
 *   start tag as it came (with its dataRef ids).
 *
 * So the code survives the database, JSON and TMX unchanged (TMX readers see the native code), and
 * an XLIFF writer of the same version writes the markup back as it was (xliff-inline-write.ts);
 * TMX's `<ept>` has no type: it follows its `<bpt>`.
 */
export const XLIFF_TYPE_1 = "x-xliff1";
export const XLIFF_TYPE_2 = "x-xliff2";

/** Elements whose content is translatable text between a start and an end code. */
const CONTAINERS_1 = new Set(["g", "mrk"]);
const CONTAINERS_2 = new Set(["pc", "mrk"]);

function attrsText(attrs: Record<string, string>): string {
  let out = "";
  for (const [k, v] of Object.entries(attrs)) out += ` ${k}="${escapeXmlAttr(v)}"`;
  return out;
}

export function startTag(el: XmlElement, attrs: Record<string, string> = el.attrs): string {
  return `<${el.name}${attrsText(attrs)}>`;
}

/** The exact markup of an element and its content (empty elements as `<x/>`). */
export function serializeElement(el: XmlElement, attrs: Record<string, string> = el.attrs): string {
  if (el.children.length === 0) return `<${el.name}${attrsText(attrs)}/>`;
  let body = "";
  for (const child of el.children) body += serializeNode(child);
  return `${startTag(el, attrs)}${body}</${el.name}>`;
}

function serializeNode(node: XmlNode): string {
  return isElement(node) ? serializeElement(node) : escapeXmlText(node);
}

function protect(text: string): string {
  return escapeXmlText(normalizeForXml(text))
    .replace(/\uE000/g, "&#xE000;")
    .replace(/\uE001/g, "&#xE001;");
}

/** A TMX-form placeholder: `name` is the TMX element (bpt/ept/it/ph), `raw` the XLIFF markup. */
function code(
  name: "bpt" | "ept" | "it" | "ph",
  attrs: Record<string, string>,
  type: string,
  raw: string,
): string {
  // TMX's <ept> has no type attribute: it is known by its <bpt>.
  const all = name === "ept" ? attrs : { ...attrs, type };
  return `${CODE_START}<${name}${attrsText(all)}>${protect(raw)}</${name}>${CODE_END}`;
}

export interface InlineReadState {
  /** TMX `i` numbers for paired codes of one text. */
  next: number;
  /** Ids of the TMX-born `<hi>` starts read (1.2 `<bx>`, 2.0 `<sm>`): their ends close a `<hi>`. */
  hi?: Set<string>;
  /** Problems found (an XLIFF 2.0 `<ec>` without its `<sc>` before it, ...). */
  problems: string[];
}

/**
 * TMX-born codes XLIFF cannot hold as they are (an unpaired `<bpt>`/`<ept>`, written as an isolated
 * code; `<ut>`, written as `<ph>`; `<hi>`, written as a pair of markers) are written with their TMX
 * element named: 1.2 `ctype="x-tmx-<name>"`, 2.0 `subType="tmx:<name>"` (`<sm type="tmx:hi">`). The
 * readers map such a code back to that TMX element, with its native code, so TMX -> XLIFF -> TMX
 * gives back the codes' kinds (xliff-inline-write.ts writes them).
 */
export const TMX_CTYPE_PREFIX = "x-tmx-";
export const TMX_SUBTYPE_PREFIX = "tmx:";
const TMX_KINDS = new Set(["bpt", "ept", "it", "ph", "ut"]);
const HI_OPEN = `${CODE_START}<hi>${CODE_END}`;
const HI_CLOSE = `${CODE_START}</hi>${CODE_END}`;

/** The TMX element a code names (`x-tmx-ut`, `tmx:ut` -> "ut"), or null. */
function tmxKind(marker: string | undefined, prefix: string): string | null {
  if (marker === undefined || !marker.startsWith(prefix)) return null;
  const kind = marker.slice(prefix.length);
  return TMX_KINDS.has(kind) || kind === "hi" ? kind : null;
}

/** A TMX-form placeholder of `kind` holding `native` (it: `end` for a closing code). */
function tmxCode(kind: string, native: string, state: InlineReadState, end: boolean): string {
  let attrs = "";
  if (kind === "bpt") {
    const i = String(++state.next);
    attrs = ` i="${i}" x="${i}"`;
  } else if (kind === "ept") attrs = ` i="${++state.next}"`;
  else if (kind === "it") attrs = ` pos="${end ? "end" : "begin"}"`;
  return `${CODE_START}<${kind}${attrs}>${protect(native)}</${kind}>${CODE_END}`;
}

/** Text content of an element (a `<sub>`'s text included). */
function textOf(el: XmlElement): string {
  return el.children.map((c) => (isElement(c) ? textOf(c) : c)).join("");
}

export function newInlineState(): InlineReadState {
  return { next: 0, problems: [] };
}

/** XML 1.0 Char production (what may appear literally in a document). */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xe000 && cp !== 0xe001) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Text of an XLIFF 1.x `<source>`/`<target>` (or an SDLXLIFF `<mrk mtype="seg">`): text as is,
 * every inline element a placeholder holding its markup.
 */
export function content1(element: XmlElement, state: InlineReadState): string {
  // 1.x <bpt>/<ept> pair by id (or rid) among siblings: a pair becomes a TMX bpt/ept pair.
  const kids = element.children.filter(isElement);
  const key = (el: XmlElement) => el.attrs["rid"] ?? el.attrs["id"] ?? "";
  const closers = new Map<string, number>();
  for (const k of kids) if (k.name === "ept") closers.set(key(k), (closers.get(key(k)) ?? 0) + 1);
  const openI = new Map<string, string[]>();
  let out = "";
  for (const child of element.children) {
    if (!isElement(child)) {
      out += child;
      continue;
    }
    const kind = tmxKind(child.attrs["ctype"], TMX_CTYPE_PREFIX);
    if (kind === "hi" && child.name === "bx") {
      (state.hi ??= new Set()).add(key(child));
      out += HI_OPEN;
    } else if (child.name === "ex" && state.hi?.delete(key(child))) {
      out += HI_CLOSE;
    } else if (kind !== null && kind !== "hi" && (child.name === "it" || child.name === "ph")) {
      out += tmxCode(kind, textOf(child), state, child.attrs["pos"] === "close");
    } else if (CONTAINERS_1.has(child.name) && child.children.length > 0) {
      const i = String(++state.next);
      out += code("bpt", { i, x: i }, XLIFF_TYPE_1, startTag(child));
      out += content1(child, state);
      out += code("ept", { i }, XLIFF_TYPE_1, `</${child.name}>`);
    } else if (child.name === "bpt" && (closers.get(key(child)) ?? 0) > 0) {
      closers.set(key(child), closers.get(key(child))! - 1);
      const i = String(++state.next);
      openI.set(key(child), [...(openI.get(key(child)) ?? []), i]);
      out += native1("bpt", { i, x: i }, child);
    } else if (child.name === "ept" && (openI.get(key(child))?.length ?? 0) > 0) {
      const i = openI.get(key(child))!.shift()!;
      out += native1("ept", { i }, child);
    } else if (child.name === "bpt" || child.name === "ept" || child.name === "it") {
      const end = child.name === "ept" || (child.name === "it" && child.attrs["pos"] === "close");
      out += native1("it", { pos: end ? "end" : "begin" }, child);
    } else if (child.name === "ph") {
      out += native1("ph", {}, child);
    } else {
      // x, bx, ex, ph, an empty g or mrk, and unknown elements: kept whole.
      out += code("ph", {}, XLIFF_TYPE_1, serializeElement(child));
    }
  }
  return out;
}

/** A 1.x code with native content: the text inside, the start tag in the type (whole when it has <sub>). */
function native1(name: "bpt" | "ept" | "it" | "ph", attrs: Record<string, string>, el: XmlElement) {
  if (el.children.some(isElement)) return code(name, attrs, XLIFF_TYPE_1, serializeElement(el));
  const native = el.children.join("");
  return code(name, attrs, `${XLIFF_TYPE_1}:${startTag(el)}`, native);
}

const hasDataRef = (el: XmlElement) => Object.keys(el.attrs).some((a) => a.startsWith("dataRef"));

/**
 * A 2.0 code: `colon` (it or its pair refers to data) → the data of `ref` inside and the tag in the
 * type; otherwise the markup inside. An `<ept>` follows its `<bpt>`'s form.
 */
function native2(
  name: "bpt" | "ept" | "it" | "ph",
  attrs: Record<string, string>,
  el: XmlElement,
  data: ReadonlyMap<string, string>,
  ref: string,
  tag: string,
  colon: boolean,
) {
  if (!colon) return code(name, attrs, XLIFF_TYPE_2, tag);
  const id = el.attrs[ref];
  const content = id !== undefined ? (data.get(id) ?? "") : "";
  return code(name, attrs, `${XLIFF_TYPE_2}:${name === "ept" ? "" : tag}`, content);
}

/**
 * Text of an XLIFF 2.0 `<source>`/`<target>`: codes become placeholders holding their markup (with
 * their data); `<cp hex>` of a character XML allows becomes that character, of one it forbids a
 * placeholder (written back as it came). `open` maps `<sc>` ids of the unit to whether their `<ec>`
 * is still due (an `<ec>` with no `<sc>` before it is a problem).
 */
export function content2(
  element: XmlElement,
  data: ReadonlyMap<string, string>,
  state: InlineReadState,
  open: Set<string>,
): string {
  // <sc> whose <ec> follows among the same children: a TMX bpt/ept pair.
  const closesHere = new Map<string, XmlElement>();
  const seenSc = new Set<string>();
  for (const k of element.children) {
    if (!isElement(k)) continue;
    if (k.name === "sc" && k.attrs["isolated"] !== "yes") seenSc.add(k.attrs["id"] ?? "");
    const ref = k.attrs["startRef"];
    if (k.name === "ec" && ref !== undefined && seenSc.has(ref) && !closesHere.has(ref))
      closesHere.set(ref, k);
  }
  const pairI = new Map<string, string>();
  const pairColon = new Map<string, boolean>();
  let out = "";
  for (const child of element.children) {
    if (!isElement(child)) {
      out += child;
      continue;
    }
    const whole = serializeElement(child);
    const kind = tmxKind(child.attrs["subType"], TMX_SUBTYPE_PREFIX);
    const hiStart = child.name === "sm" && child.attrs["type"] === `${TMX_SUBTYPE_PREFIX}hi`;
    if (hiStart) {
      (state.hi ??= new Set()).add(child.attrs["id"] ?? "");
      out += HI_OPEN;
    } else if (child.name === "em" && state.hi?.delete(child.attrs["startRef"] ?? "")) {
      out += HI_CLOSE;
    } else if (
      kind !== null &&
      kind !== "hi" &&
      child.attrs["isolated"] === "yes" &&
      (child.name === "sc" || child.name === "ec")
    ) {
      const ref = child.attrs["dataRef"];
      out += tmxCode(
        kind,
        ref !== undefined ? (data.get(ref) ?? "") : "",
        state,
        child.name === "ec",
      );
    } else if (kind !== null && kind !== "hi" && child.name === "ph") {
      const ref = child.attrs["dataRef"];
      out += tmxCode(kind, ref !== undefined ? (data.get(ref) ?? "") : "", state, false);
    } else if (CONTAINERS_2.has(child.name) && child.children.length > 0) {
      const i = String(++state.next);
      const tag = startTag(child);
      const colon = hasDataRef(child);
      out += native2("bpt", { i, x: i }, child, data, "dataRefStart", tag, colon);
      out += content2(child, data, state, open);
      out += native2("ept", { i }, child, data, "dataRefEnd", `</${child.name}>`, colon);
    } else if (child.name === "cp") {
      const cp = parseInt(child.attrs["hex"] ?? "", 16);
      if (/^[0-9a-fA-F]{1,6}$/.test(child.attrs["hex"] ?? "") && isXmlChar(cp))
        out += String.fromCodePoint(cp);
      else out += code("ph", {}, XLIFF_TYPE_2, whole);
    } else if (child.name === "sc") {
      const id = child.attrs["id"] ?? "";
      const isolated = child.attrs["isolated"] === "yes";
      if (!isolated) open.add(id);
      if (!isolated && closesHere.has(id)) {
        const i = String(++state.next);
        pairI.set(id, i);
        const colon = hasDataRef(child) || hasDataRef(closesHere.get(id)!);
        pairColon.set(id, colon);
        out += native2("bpt", { i, x: i }, child, data, "dataRef", whole, colon);
      } else
        out += native2("it", { pos: "begin" }, child, data, "dataRef", whole, hasDataRef(child));
    } else if (child.name === "ec") {
      const ref = child.attrs["startRef"];
      if (child.attrs["isolated"] !== "yes") {
        if (ref === undefined || !open.has(ref))
          state.problems.push(ref ?? child.attrs["id"] ?? "");
        else open.delete(ref);
      }
      const i = ref === undefined ? undefined : pairI.get(ref);
      if (i !== undefined) {
        pairI.delete(ref!);
        out += native2("ept", { i }, child, data, "dataRef", whole, pairColon.get(ref!) ?? false);
      } else out += native2("it", { pos: "end" }, child, data, "dataRef", whole, hasDataRef(child));
    } else {
      // ph, sm/em, an empty pc or mrk, and unknown elements: kept whole (ph with its data; an
      // empty pc's is its start's, the one the writer writes back).
      const ref = child.name === "pc" ? "dataRefStart" : "dataRef";
      out += native2("ph", {}, child, data, ref, whole, hasDataRef(child));
    }
  }
  return out;
}
