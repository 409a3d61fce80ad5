/**
 * A copy of `text` that shares no memory with the parser's input chunks.
 *
 * Text events are slices of the decoded chunk (and concatenations of slices, around entity
 * references), and JS engines keep slices and concatenations as views on their parent strings. A
 * reader that keeps such a string keeps the whole chunk alive: for a large TMX that is twice the
 * file's memory in the result, and much more work for the garbage collector. Joining two pieces
 * builds one new flat string (in V8 with no view object around it, unlike `(" " + text).slice(1)`:
 * 10% less heap for a large import); strings shorter than DETACH_MIN are always copied by a slice.
 */
export function detachText(text: string): string {
  return text.length < DETACH_MIN ? text : [text.slice(0, 1), text.slice(1)].join("");
}

/** V8 copies slices shorter than this (SlicedString::kMinLength) instead of sharing them. */
const DETACH_MIN = 13;
