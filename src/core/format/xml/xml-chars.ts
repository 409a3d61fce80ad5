/**
 * XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
 * Everything else (C0 controls, lone surrogates, U+FFFE/U+FFFF) is fatal in every parser, even as a
 * character reference, so writers strip it before serialising.
 */
export interface SanitizedText {
  text: string;
  /** Number of code units removed (0 when the text was already safe). */
  removed: number;
}

function isForbiddenBmp(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) ||
    code === 0xfffe ||
    code === 0xffff
  );
}

// Anything that needs a closer look: forbidden controls, U+FFFE/U+FFFF and any surrogate.
// eslint-disable-next-line no-control-regex
const SUSPECT_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
/** Below U+0300 every character is NFC-stable, so such text needs no normalization call. */
// eslint-disable-next-line no-control-regex
const MAYBE_NOT_NFC_RE = /[^\u0000-\u02ff]/;

/** True when every code point of `text` may appear in an XML 1.0 document. */
export function isXmlSafe(text: string): boolean {
  if (!SUSPECT_RE.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0xd800) continue;
    if (isForbiddenBmp(code)) return false;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return false;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return false;
  }
  return true;
}

/** Removes the characters XML 1.0 forbids (see module comment) and reports how many went. */
export function stripXmlForbidden(text: string): SanitizedText {
  if (isXmlSafe(text)) return { text, removed: 0 };
  let out = "";
  let removed = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else {
        removed++;
      }
    } else if ((code >= 0xdc00 && code <= 0xdfff) || isForbiddenBmp(code)) {
      removed++;
    } else {
      out += text[i]!;
    }
  }
  return { text: out, removed };
}

/**
 * The normalization every XML writer applies to user text: forbidden characters stripped, then NFC.
 * Readers give back exactly this string, so `read(write(x)) === normalizeForXml(x)`.
 */
export function normalizeForXml(text: string): string {
  const safe = isXmlSafe(text) ? text : stripXmlForbidden(text).text;
  return MAYBE_NOT_NFC_RE.test(safe) ? safe.normalize("NFC") : safe;
}
