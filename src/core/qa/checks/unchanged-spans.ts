import type { ProtectedSpan } from "../protected-spans.ts";
import { protectedSpans } from "../protected-spans.ts";
import type { CellInput, QaFinding } from "../types.ts";

const same = (a: string, b: string, kind: ProtectedSpan["kind"]) =>
  kind === "email" || kind === "url"
    ? a.replace(/\/$/, "").toLowerCase() === b.replace(/\/$/, "").toLowerCase()
    : a === b;

/** True when `part` is in `text` with no letter, digit or path character glued to its end. */
function writtenAlone(text: string, part: string): boolean {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    if (!/^[\p{L}\p{N}_/-]/u.test(text.slice(at + part.length))) return true;
  }
  return false;
}

/**
 * URLs, e-mail addresses and file names travel unchanged: each of the source's is in the target
 * (URLs and addresses ignoring case and a final slash, file names exactly), and one only the
 * target has is a warning.
 */
export function checkUnchangedSpans(input: CellInput): QaFinding[] {
  const source = protectedSpans(input.source).filter((s) => s.kind !== "code");
  const target = protectedSpans(input.target).filter((s) => s.kind !== "code");
  if (source.length === 0 && target.length === 0) return [];
  const out: QaFinding[] = [];
  const left = [...target];
  for (const s of source) {
    const k = left.findIndex((t) => t.kind === s.kind && same(t.text, s.text, s.kind));
    if (k >= 0) {
      left.splice(k, 1);
      continue;
    }
    // Written exactly, but not found as a span (a file name glued to a word): fine.
    if (writtenAlone(input.target, s.text)) continue;
    out.push({
      check: "urls",
      code: `${s.kind}.missing`,
      severity: "error",
      params: { text: s.text },
      sourceRange: { start: s.start, end: s.end },
    });
  }
  for (const t of left) {
    if (source.some((s) => same(s.text, t.text, t.kind)) || writtenAlone(input.source, t.text))
      continue;
    out.push({
      check: "urls",
      code: `${t.kind}.extra`,
      severity: "warning",
      params: { text: t.text },
      range: { start: t.start, end: t.end },
    });
  }
  return out;
}
