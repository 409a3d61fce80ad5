/**
 * Escaping for text written by our XML writers. Input must already be XML-safe (see xml-chars.ts).
 * Text: & < > escaped; CR and LF written as &#13; and &#10; (a raw CR would become LF when read
 * back, and references make line breaks inside a segment unambiguous, as issue 6 asks).
 * Attributes: additionally " and ', and TAB/LF/CR as character references (attribute-value
 * normalization would turn them into spaces otherwise).
 */
const TEXT_RE = /[&<>\r\n]/g;
const ATTR_RE = /[&<>"'\t\n\r]/g;

const REPLACEMENTS: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

function replace(ch: string): string {
  return REPLACEMENTS[ch] ?? ch;
}

// Test first: most text needs no escaping, and a test allocates nothing.
const TEXT_TEST = /[&<>\r\n]/;
const ATTR_TEST = /[&<>"'\t\n\r]/;

export function escapeXmlText(text: string): string {
  return TEXT_TEST.test(text) ? text.replace(TEXT_RE, replace) : text;
}

export function escapeXmlAttr(value: string): string {
  return ATTR_TEST.test(value) ? value.replace(ATTR_RE, replace) : value;
}
