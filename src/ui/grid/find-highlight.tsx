import { createContext, useContext, useMemo } from "react";
import type { TargetLang } from "../../core/model/languages.ts";
import { queryRegExp, type SegmentFilter } from "../../core/review/filter.ts";
import type { UserPattern } from "../../core/text/user-pattern.ts";
import { SourceText } from "./cells/source-text.tsx";
import { markMatches } from "./cells/find-marks.tsx";
import { useSourceTerms } from "../glossary/source-terms.tsx";
import { useSourceQaMarks } from "../qa/qa-highlight.tsx";

/** The grid's text query as cells highlight it: the compiled pattern and the column it searches. */
export interface FindHighlight {
  pattern: UserPattern;
  in: "source" | TargetLang;
}

export const FindHighlightContext = createContext<FindHighlight | null>(null);

/** The filter's text query compiled once for every cell (null: no query, or one that is refused). */
export function useFindHighlight(query: SegmentFilter["query"]): FindHighlight | null {
  return useMemo(() => {
    if (!query || query.text === "") return null;
    try {
      return { pattern: queryRegExp(query), in: query.in };
    } catch {
      // The filter bar says why the query is refused; the cells show no marks.
      return null;
    }
  }, [query]);
}

/** The pattern when the query searches this column, else null. */
export function useFindPattern(where: "source" | TargetLang): UserPattern | null {
  const find = useContext(FindHighlightContext);
  return find && find.in === where ? find.pattern : null;
}

/**
 * The matches in a target field, drawn on a layer over the textarea (a textarea cannot hold
 * marks): the same text, transparent, with the matches tinted, wrapping exactly as the field does.
 */
export function FindBackdrop({ text, pattern }: { text: string; pattern: UserPattern | null }) {
  const marked = useMemo(() => markMatches(text, pattern), [text, pattern]);
  if (!pattern || marked === text) return null;
  return (
    <div className="find-backdrop" aria-hidden="true" data-find-backdrop="">
      {marked}
      {/* A final line break keeps a trailing empty line as tall as the textarea's. */}
      {text.endsWith("\n") ? " " : null}
    </div>
  );
}

/**
 * A source cell's text with the find's matches marked when the query searches the source, the
 * project glossary's terms found in it, and the parts its row's QA findings are about (a number
 * or URL a target lacks).
 */
export function FindSourceText({
  text,
  sourceLang,
  segmentId,
}: {
  text: string;
  sourceLang: string;
  segmentId?: string;
}) {
  return (
    <SourceText
      text={text}
      pattern={useFindPattern("source")}
      terms={useSourceTerms(text, sourceLang)}
      qaMarks={useSourceQaMarks(segmentId, text)}
    />
  );
}
