/**
 * Escaping for text written by our XML writers. Input must already be XML-safe (see xml-chars.ts).
 * Text: & < > escaped, CR kept as &#13; (a raw CR would become LF when read back).
 * Attributes: additionally " and ', and TAB/LF/CR as character references (attribute-value
 * normalization would turn them into spaces otherwise).
 */
const TEXT_RE = /[&<>\r]/g;
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
const TEXT_TEST = /[&<>\r]/;
const ATTR_TEST = /[&<>"'\t\n\r]/;

export function escapeXmlText(text: string): string {
  return TEXT_TEST.test(text) ? text.replace(TEXT_RE, replace) : text;
}

export function escapeXmlAttr(value: string): string {
  return ATTR_TEST.test(value) ? value.replace(ATTR_RE, replace) : value;
}
