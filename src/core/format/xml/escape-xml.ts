import { normalizeForXml } from "./xml-chars.ts";

/**
 * Escaping for text written by our XML writers. Input must already be XML-safe (see xml-chars.ts).
 * Text: & < > escaped; CR and LF written as &#13; and &#10; (a raw CR would become LF when read
 * back, and references make line breaks inside a segment unambiguous, as issue 6 asks).
 * Attributes: additionally " and ', and TAB/LF/CR as character references (attribute-value
 * normalization would turn them into spaces otherwise).
 */
const TEXT_TEST = /[&<>\r\n]/;
const ATTR_TEST = /[&<>"'\t\n\r]/;

/** Reference for each character code up to ">" (every escaped character is below it). */
function table(chars: string): readonly (string | undefined)[] {
  const refs: Record<string, string> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&apos;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\r": "&#13;",
  };
  const out: (string | undefined)[] = new Array<string | undefined>(63).fill(undefined);
  for (const ch of chars) out[ch.charCodeAt(0)] = refs[ch];
  return out;
}

const TEXT_REFS = table("&<>\r\n");
const ATTR_REFS = table("&<>\"'\t\n\r");

/**
 * One pass: a regex search finds the first character to escape (most text has none, and then
 * nothing is allocated), a loop copies the rest run by run.
 */
function escapeWith(text: string, test: RegExp, refs: readonly (string | undefined)[]): string {
  let i = text.search(test);
  if (i < 0) return text;
  let out = "";
  let last = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ref = code < refs.length ? refs[code] : undefined;
    if (ref === undefined) continue;
    out += text.slice(last, i) + ref;
    last = i + 1;
  }
  return out + text.slice(last);
}

export function escapeXmlText(text: string): string {
  return escapeWith(text, TEXT_TEST, TEXT_REFS);
}

export function escapeXmlAttr(value: string): string {
  return escapeWith(value, ATTR_TEST, ATTR_REFS);
}

/** Text content as our writers put it: forbidden characters stripped, NFC, escaped. */
export function xmlText(value: string): string {
  return escapeXmlText(normalizeForXml(value));
}

/** ` name="value"`, the value stripped, NFC and escaped for an attribute. */
export function xmlAttr(name: string, value: string): string {
  return ` ${name}="${escapeXmlAttr(normalizeForXml(value))}"`;
}
