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

export function escapeXmlText(text: string): string {
  return text.replace(TEXT_RE, replace);
}

export function escapeXmlAttr(value: string): string {
  return value.replace(ATTR_RE, replace);
}
