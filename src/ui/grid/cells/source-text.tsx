import { memo } from "react";
import { CODE_START, splitInlineCodes } from "../../../core/format/tmx/inline-codes.ts";

/** Source text with inline formatting codes shown as atomic chips (their native markup on hover). */
export const SourceText = memo(function SourceText({ text }: { text: string }) {
  if (!text.includes(CODE_START)) return <>{text}</>;
  return (
    <>
      {splitInlineCodes(text).map((part, i) =>
        part.kind === "text" ? (
          <span key={i}>{part.text}</span>
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
