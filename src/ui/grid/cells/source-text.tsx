import { memo } from "react";
import { CODE_START, splitInlineCodes } from "../../../core/format/tmx/inline-codes.ts";
import type { UserPattern } from "../../../core/text/user-pattern.ts";
import { markMatches } from "./find-marks.tsx";

/**
 * Source text with inline formatting codes shown as atomic chips (their native markup on hover);
 * with a `pattern`, its matches in the text are marked (the grid's find).
 */
export const SourceText = memo(function SourceText({
  text,
  pattern = null,
}: {
  text: string;
  pattern?: UserPattern | null;
}) {
  if (!text.includes(CODE_START)) return <>{markMatches(text, pattern)}</>;
  return (
    <>
      {splitInlineCodes(text).map((part, i) =>
        part.kind === "text" ? (
          <span key={i}>{markMatches(part.text, pattern)}</span>
        ) : (
          <span
            key={i}
            className="code-chip"
            title={part.kind === "code" ? part.xml : part.kind === "hi-open" ? part.xml : "</hi>"}
          >
            {part.kind === "code" ? part.display || part.name : part.kind === "hi-open" ? "⟨" : "⟩"}
          </span>
        ),
      )}
    </>
  );
});
