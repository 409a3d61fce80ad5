import type { ReactNode } from "react";
import type { UserPattern } from "../../../core/text/user-pattern.ts";

/** `text` with each match of `pattern` in a <mark> (the text itself when nothing matches). */
export function markMatches(text: string, pattern: UserPattern | null): ReactNode {
  if (!pattern || text === "") return text;
  const found = pattern.matches(text).filter((m) => m.end > m.index);
  if (found.length === 0) return text;
  const out: ReactNode[] = [];
  let at = 0;
  found.forEach((m, k) => {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(
      <mark key={k} className="find-match">
        {text.slice(m.index, m.end)}
      </mark>,
    );
    at = m.end;
  });
  if (at < text.length) out.push(text.slice(at));
  return out;
}
