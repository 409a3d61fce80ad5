import { wordDiff } from "../text/word-diff.ts";
import type { DiffPart } from "../text/word-diff.ts";

/**
 * Word-level diff of a match's source against the current source, for display: "removed" parts
 * are in the match only (the translation covers them but the current source does not), "added"
 * parts are in the current source only (the translation lacks them).
 */
export function matchDiff(matchSource: string, currentSource: string): DiffPart[] {
  return wordDiff(matchSource.normalize("NFC"), currentSource.normalize("NFC"));
}
