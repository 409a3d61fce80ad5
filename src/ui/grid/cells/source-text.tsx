import { memo } from "react";
import {
  CODE_START,
  splitInlineCodes,
  type InlinePart,
} from "../../../core/format/tmx/inline-codes.ts";
import type { UserPattern } from "../../../core/text/user-pattern.ts";
import { markMatches } from "./find-marks.tsx";
import type { TermHit } from "../../../core/glossary/find-terms.ts";
import { TermMarks } from "../../glossary/source-terms.tsx";
import { markSourcePiece, type QaMark } from "../../qa/qa-highlight.tsx";

const NO_TERMS: readonly TermHit[] = [];
const NO_MARKS: readonly QaMark[] = [];

/**
 * Source text with inline formatting codes shown as atomic chips (their native markup on hover);
 * with a `pattern`, its matches in the text are marked (the grid's find); with `terms`, the
 * glossary's terms found in it (offsets into `text`) are marked too; with `qaMarks`, the parts QA
 * findings are about (offsets into `text`), in their severity's colour with their messages.
 */
export const SourceText = memo(function SourceText({
  text,
  pattern = null,
  terms = NO_TERMS,
  qaMarks = NO_MARKS,
}: {
  text: string;
  pattern?: UserPattern | null;
  terms?: readonly TermHit[];
  qaMarks?: readonly QaMark[];
}) {
  const inner = (piece: string, at: number) =>
    qaMarks.length === 0
      ? markMatches(piece, pattern)
      : markSourcePiece(piece, at, qaMarks, pattern);
  if (!text.includes(CODE_START)) {
    return terms.length === 0 ? (
      <>{inner(text, 0)}</>
    ) : (
      <TermMarks text={text} hits={terms} inner={inner} />
    );
  }
  // Where each plain run starts in `text`, for the terms' offsets.
  let cursor = 0;
  return (
    <>
      {splitInlineCodes(text).map((part, i) => {
        if (part.kind !== "text") return chip(part, i);
        const offset = text.indexOf(part.text, cursor);
        cursor = offset < 0 ? cursor : offset + part.text.length;
        return (
          <span key={i}>
            {terms.length === 0 || offset < 0 ? (
              inner(part.text, offset < 0 ? -1e9 : offset)
            ) : (
              <TermMarks text={part.text} offset={offset} hits={terms} inner={inner} />
            )}
          </span>
        );
      })}
    </>
  );
});

/** An inline code as an atomic chip. */
function chip(part: Exclude<InlinePart, { kind: "text" }>, i: number) {
  return (
    <span
      key={i}
      className="code-chip"
      title={part.kind === "code" ? part.xml : part.kind === "hi-open" ? part.xml : "</hi>"}
    >
      {part.kind === "code" ? part.display || part.name : part.kind === "hi-open" ? "⟨" : "⟩"}
    </span>
  );
}
