import { isDone } from "../../model/status.ts";
import { PLACEHOLDER } from "../../text/inline-marks.ts";
import { protectedSpans } from "../protected-spans.ts";
import type { CellInput, QaFinding } from "../types.ts";

const squash = (t: string) => t.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();

/** True when a text has something to translate: a word that is not a name, acronym or code. */
export function hasTranslatableWords(text: string): boolean {
  let rest = text.replace(PLACEHOLDER, " ");
  for (const s of protectedSpans(rest).reverse())
    rest = rest.slice(0, s.start) + " " + rest.slice(s.end);
  const words = rest.match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu) ?? [];
  return words.some((w) => w === w.toLowerCase() && w.length > 1);
}

/**
 * Untranslated: a target that is the source again. Segments of names, acronyms, numbers, codes,
 * URLs or file names only ("VNA", "W-HAI_1275.jpg", "António Guterres") are left alone, as a
 * translation keeps them.
 */
export function checkUntranslated(input: CellInput): QaFinding[] {
  if (input.target.trim() === "" || squash(input.source) !== squash(input.target)) return [];
  if (!hasTranslatableWords(input.source)) return [];
  return [{ check: "untranslated", code: "untranslated", severity: "warning", params: {} }];
}

/** A confirmed target (Translated or Approved) with no text. */
export function checkEmpty(input: CellInput): QaFinding[] {
  if (input.target.trim() !== "" || input.source.trim() === "") return [];
  if (input.status === undefined || !isDone(input.status)) return [];
  return [{ check: "empty", code: "empty.confirmed", severity: "error", params: {} }];
}
