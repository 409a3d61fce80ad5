/**
 * A copy of `text` that shares no memory with the parser's input chunks.
 *
 * Text events are slices of the decoded chunk (and concatenations of slices, around entity
 * references), and JS engines keep slices and concatenations as views on their parent strings. A
 * reader that keeps such a string keeps the whole chunk alive: for a large TMX that is twice the
 * file's memory in the result, and much more work for the garbage collector. Prepending a
 * character and slicing it off forces one flat copy (engines flatten before slicing); short
 * strings are copied by every slice anyway.
 */
export function detachText(text: string): string {
  return text.length < DETACH_MIN ? text : (" " + text).slice(1);
}

/** V8 copies slices shorter than this (SlicedString::kMinLength) instead of sharing them. */
const DETACH_MIN = 13;
