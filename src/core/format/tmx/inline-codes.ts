import type { XmlElement } from "../xml/parse-xml.ts";
import { isElement, parseXml } from "../xml/parse-xml.ts";
import { escapeXmlAttr, escapeXmlText, xmlText } from "../xml/escape-xml.ts";
import { normalizeForXml } from "../xml/xml-chars.ts";

/**
 * TMX inline markup (Level 2) travels inside segment text as protected placeholders:
 * CODE_START + canonical XML of the code + CODE_END, e.g. "\uE000<bpt i="1" x="1">&lt;b&gt;</bpt>\uE001".
 * Both delimiters are private-use characters, so a placeholder survives the database, JSON and
 * editing as ordinary text; the UI shows it as one atomic chip (see splitInlineCodes) and the TMX
 * writer turns it back into markup after re-validating it. `<hi>` (translatable text, not a code)
 * becomes an opening and a closing placeholder around its text.
 */
export { CODE_END, CODE_START, PLACEHOLDER } from "../../text/inline-marks.ts";
import { CODE_END, CODE_START } from "../../text/inline-marks.ts";

/** Attributes the TMX 1.4b DTD declares for each inline element (others would make it invalid). */
const ATTRS: Record<string, readonly string[]> = {
  bpt: ["i", "x", "type"],
  ept: ["i"],
  it: ["pos", "x", "type"],
  ph: ["x", "assoc", "type"],
  ut: ["x"],
  hi: ["x", "type"],
  sub: ["datatype", "type"],
};
const REQUIRED: Record<string, readonly string[]> = { bpt: ["i"], ept: ["i"], it: ["pos"] };
/** Native-code elements: their content is (#PCDATA | sub)*. */
export const CODE_ELEMENTS: ReadonlySet<string> = new Set(["bpt", "ept", "it", "ph", "ut"]);
const IN_SUB = new Set(["bpt", "ept", "it", "ph", "ut", "hi"]);
const HI_CLOSE = "</hi>";

/** Escapes text for use inside a placeholder: delimiters become character references. */
function protectDelimiters(xml: string): string {
  return xml.replace(/\uE000/g, "&#xE000;").replace(/\uE001/g, "&#xE001;");
}

function escapeInner(text: string): string {
  return protectDelimiters(escapeXmlText(normalizeForXml(text)));
}

function attrsOf(element: XmlElement): string {
  let out = "";
  for (const name of ATTRS[element.name] ?? []) {
    const value = element.attrs[name];
    if (value !== undefined) {
      out += ` ${name}="${protectDelimiters(escapeXmlAttr(normalizeForXml(value)))}"`;
    }
  }
  return out;
}

/** True when the element has the required attributes and a valid `it/@pos`. */
function hasValidAttrs(element: XmlElement): boolean {
  for (const name of REQUIRED[element.name] ?? [])
    if (element.attrs[name] === undefined) return false;
  const pos = element.attrs["pos"];
  return element.name !== "it" || pos === "begin" || pos === "end";
}

/** Canonical XML of a code element (bpt/ept/it/ph/ut), or null when it is not valid TMX. */
function serializeCode(element: XmlElement): string | null {
  if (!CODE_ELEMENTS.has(element.name) || !hasValidAttrs(element)) return null;
  let body = "";
  for (const child of element.children) {
    if (!isElement(child)) body += escapeInner(child);
    else if (child.name === "sub") {
      const sub = serializeSub(child);
      if (sub === null) return null;
      body += sub;
    } else return null;
  }
  return `<${element.name}${attrsOf(element)}>${body}</${element.name}>`;
}

function serializeSub(sub: XmlElement): string | null {
  let body = "";
  for (const child of sub.children) {
    if (!isElement(child)) body += escapeInner(child);
    else if (!IN_SUB.has(child.name)) return null;
    else if (child.name === "hi") {
      const inner = serializeSub({ ...child, name: "sub" });
      if (inner === null || !hasValidAttrs(child)) return null;
      body += `<hi${attrsOf(child)}>${inner.slice(inner.indexOf(">") + 1, -"</sub>".length)}</hi>`;
    } else {
      const code = serializeCode(child);
      if (code === null) return null;
      body += code;
    }
  }
  return `<sub${attrsOf(sub)}>${body}</sub>`;
}

/** A placeholder for a code element read from a file (null when the element is not valid TMX). */
export function codePlaceholder(element: XmlElement): string | null {
  const xml = serializeCode(element);
  return xml === null ? null : CODE_START + xml + CODE_END;
}

export function hiOpenPlaceholder(element: XmlElement): string {
  return `${CODE_START}<hi${attrsOf(element)}>${CODE_END}`;
}

export const HI_CLOSE_PLACEHOLDER = CODE_START + HI_CLOSE + CODE_END;

export type InlinePart =
  | { kind: "text"; text: string }
  /** xml: canonical markup to write; display: the native code (e.g. "<b>") for a chip label. */
  | { kind: "code"; name: string; xml: string; display: string }
  | { kind: "hi-open"; xml: string }
  | { kind: "hi-close" };

function displayOf(element: XmlElement): string {
  let out = "";
  for (const child of element.children) out += isElement(child) ? displayOf(child) : child;
  return out;
}

/**
 * A document repeats a handful of distinct codes thousands of times: parsed placeholders are kept
 * (frozen, invalid ones as null) in a bounded memo instead of running an XML parser per occurrence.
 */
const parsed = new Map<string, Readonly<InlinePart> | null>();
const PARSED_LIMIT = 4096;

/** Parses the inside of a placeholder; null when it is not a valid inline element. */
function parsePlaceholder(inner: string): Readonly<InlinePart> | null {
  const known = parsed.get(inner);
  if (known !== undefined) return known;
  const part = parsePlaceholderUncached(inner);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(inner, part && Object.freeze(part));
  return part;
}

function parsePlaceholderUncached(inner: string): InlinePart | null {
  if (inner === HI_CLOSE) return { kind: "hi-close" };
  const isHiOpen = /^<hi(\s[^<>]*)?>$/.test(inner);
  let root: XmlElement | undefined;
  try {
    parseXml(
      isHiOpen ? `${inner}${HI_CLOSE}` : inner,
      { onClose: (el, depth) => void (depth === 0 && (root = el)) },
      { codePrefix: "inline" },
    );
  } catch {
    return null;
  }
  if (!root) return null;
  if (isHiOpen) return root.name === "hi" ? { kind: "hi-open", xml: `<hi${attrsOf(root)}>` } : null;
  const xml = serializeCode(root);
  return xml === null ? null : { kind: "code", name: root.name, xml, display: displayOf(root) };
}

/**
 * Splits text into plain runs and placeholders. A CODE_START…CODE_END span that does not hold a
 * valid inline element is plain text.
 */
export function splitInlineCodes(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let plain = "";
  let from = 0;
  while (from < text.length) {
    const start = text.indexOf(CODE_START, from);
    if (start < 0) break;
    const end = text.indexOf(CODE_END, start + 1);
    if (end < 0) break;
    const part = parsePlaceholder(text.slice(start + 1, end));
    if (part === null) {
      plain += text.slice(from, start + 1);
      from = start + 1;
      continue;
    }
    plain += text.slice(from, start);
    if (plain !== "") parts.push({ kind: "text", text: plain });
    plain = "";
    parts.push(part);
    from = end + 1;
  }
  plain += text.slice(from);
  if (plain !== "") parts.push({ kind: "text", text: plain });
  return parts;
}

/** Text with every placeholder removed (for search, QA, word counts). */
export function stripInlineCodes(text: string): string {
  if (!text.includes(CODE_START)) return text;
  return splitInlineCodes(text)
    .map((p) => (p.kind === "text" ? p.text : ""))
    .join("");
}

/** Text with codes shown as their native markup ("<b>black</b>"), as translate-toolkit flattens them. */
export function flattenInlineCodes(text: string): string {
  if (!text.includes(CODE_START)) return text;
  return splitInlineCodes(text)
    .map((p) => (p.kind === "text" ? p.text : p.kind === "code" ? p.display : ""))
    .join("");
}

/**
 * The `<seg>` content for a text: plain runs normalized and escaped, placeholders written as
 * markup; `<hi>` placeholders are re-paired (a stray close is dropped, an open one closed).
 */
export function writeSegContent(text: string): string {
  if (!text.includes(CODE_START)) return xmlText(text);
  let out = "";
  let openHi = 0;
  for (const part of splitInlineCodes(text)) {
    if (part.kind === "text") out += xmlText(part.text);
    else if (part.kind === "code") out += part.xml;
    else if (part.kind === "hi-open") {
      out += part.xml;
      openHi++;
    } else if (openHi > 0) {
      out += HI_CLOSE;
      openHi--;
    }
  }
  return out + HI_CLOSE.repeat(openHi);
}
