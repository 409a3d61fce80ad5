/** Any Unicode line break: CRLF, CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR (also VT and FF). */
const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/;

/**
 * Splits raw text into paragraphs: every line break is a hard break (CRLF/CR/LF, U+2028/2029);
 * blank lines are dropped; lines are trimmed.
 */
export function splitParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const line of text.split(LINE_BREAK)) {
    const trimmed = line.trim();
    if (trimmed !== "") paragraphs.push(trimmed);
  }
  return paragraphs;
}
