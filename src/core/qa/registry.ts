import { checkBrackets } from "./checks/brackets.ts";
import { checkEndPunctuation } from "./checks/end-punctuation.ts";
import { checkInlineCodes } from "./checks/inline-codes.ts";
import { checkLengthRatio } from "./checks/length-ratio.ts";
import { checkNumbers } from "./checks/numbers.ts";
import { checkRepeatedWords } from "./checks/repeated-words.ts";
import { checkSpaces } from "./checks/spaces.ts";
import { checkUnchangedSpans } from "./checks/unchanged-spans.ts";
import { checkEmpty, checkUntranslated } from "./checks/untranslated.ts";
import { checkForbiddenTerms, checkTermsUsed } from "./glossary-checks.ts";
import type { CellCheck, CheckId, Severity } from "./types.ts";

/** The checks of one cell, in the order their findings are listed. */
export const CELL_CHECKS: readonly { id: CheckId; run: CellCheck }[] = [
  { id: "empty", run: checkEmpty },
  { id: "numbers", run: checkNumbers },
  { id: "inline-codes", run: checkInlineCodes },
  { id: "urls", run: checkUnchangedSpans },
  { id: "untranslated", run: checkUntranslated },
  { id: "end-punctuation", run: checkEndPunctuation },
  { id: "spaces", run: checkSpaces },
  { id: "brackets", run: checkBrackets },
  { id: "repeated-words", run: checkRepeatedWords },
  { id: "length-ratio", run: checkLengthRatio },
  { id: "forbidden-terms", run: checkForbiddenTerms },
  { id: "glossary-terms", run: checkTermsUsed },
];

/** Every finding code with its default severity (the message key is the code with "_" for "."). */
export const FINDING_CODES: Readonly<Record<string, { check: CheckId; severity: Severity }>> = {
  "empty.confirmed": { check: "empty", severity: "error" },
  "number.missing": { check: "numbers", severity: "error" },
  "number.extra": { check: "numbers", severity: "error" },
  "number.mismatch": { check: "numbers", severity: "error" },
  "code.missing": { check: "inline-codes", severity: "error" },
  "code.extra": { check: "inline-codes", severity: "error" },
  "code.order": { check: "inline-codes", severity: "error" },
  "url.missing": { check: "urls", severity: "error" },
  "url.extra": { check: "urls", severity: "warning" },
  "email.missing": { check: "urls", severity: "error" },
  "email.extra": { check: "urls", severity: "warning" },
  "file.missing": { check: "urls", severity: "error" },
  "file.extra": { check: "urls", severity: "warning" },
  untranslated: { check: "untranslated", severity: "warning" },
  "punctuation.end": { check: "end-punctuation", severity: "warning" },
  "space.leading": { check: "spaces", severity: "warning" },
  "space.trailing": { check: "spaces", severity: "warning" },
  "space.double": { check: "spaces", severity: "warning" },
  "bracket.unbalanced": { check: "brackets", severity: "warning" },
  "word.repeated": { check: "repeated-words", severity: "warning" },
  "length.long": { check: "length-ratio", severity: "warning" },
  "length.short": { check: "length-ratio", severity: "warning" },
  "cross.number": { check: "cross-target", severity: "error" },
  "cross.span": { check: "cross-target", severity: "error" },
  "cross.name": { check: "cross-target", severity: "warning" },
  "cross.progress": { check: "cross-target", severity: "info" },
  "consistency.source": { check: "consistency", severity: "warning" },
  "consistency.target": { check: "consistency", severity: "info" },
  "term.forbidden": { check: "forbidden-terms", severity: "error" },
  "term.forbidden-plain": { check: "forbidden-terms", severity: "error" },
  "term.missing": { check: "glossary-terms", severity: "warning" },
};

/** The message key of a finding code in the `qa` namespace. */
export function messageKey(code: string): string {
  return code.replace(/\./g, "_");
}
