/**
 * Text typed or pasted into a field is stored in NFC (Vietnamese typed with a decomposing keyboard
 * or pasted from some PDFs arrives as base letters plus combining marks, which search, filters and
 * memory matches would miss).
 */

/** `text` in NFC, with a caret offset in `text` moved to the same place in the result. */
export function nfcWithCaret(text: string, caret: number): { text: string; caret: number } {
  const nfc = text.normalize("NFC");
  if (nfc === text) return { text, caret };
  // The prefix before the caret composes on its own: a mark right after the caret may still join
  // the letter before it, so the caret is kept within the result.
  return { text: nfc, caret: Math.min(nfc.length, text.slice(0, caret).normalize("NFC").length) };
}

/**
 * Normalizes a field's value in place (from an input or change event), keeping the caret and the
 * selection where they were; returns the NFC value. Leaves the field alone while an input method
 * is composing (the composition would break): call it again on compositionend.
 */
export function nfcField(field: HTMLInputElement | HTMLTextAreaElement, composing = false): string {
  const value = field.value;
  if (composing) return value;
  const start = field.selectionStart ?? value.length;
  const end = field.selectionEnd ?? start;
  const a = nfcWithCaret(value, start);
  if (a.text === value) return value;
  const b = nfcWithCaret(value, end);
  field.value = a.text;
  if (document.activeElement === field) field.setSelectionRange(a.caret, b.caret);
  return a.text;
}

/** Whether a change event comes from an input method still composing (React's ChangeEvent). */
export function isComposing(e: { nativeEvent: Event }): boolean {
  return (e.nativeEvent as InputEvent).isComposing === true;
}
