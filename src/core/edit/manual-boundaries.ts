import type { RecordPatch } from "./patch.ts";
import type { SegmentRecord } from "../model/records.ts";

/**
 * A segment boundary the user set by hand (issue 13 item 7): a split (`Ctrl+E`) puts one between
 * `before` and `after`, a merge (`Ctrl+J`) removes the one that was there. Re-segmentation applies
 * them again where the paragraph still reads `before + " " + after`.
 */
export interface ManualBoundary {
  kind: "split" | "merge";
  paragraph: number;
  /** The source up to the boundary (the left segment's text at the time of the edit). */
  before: string;
  /** The source after it (the right segment's text at the time of the edit). */
  after: string;
}

/**
 * The boundary a split or merge command made, from its patches (the undo history keeps them): a
 * split changes one segment and adds the next; a merge changes one and removes the next.
 */
export function manualBoundaryOf(
  label: string,
  patches: readonly RecordPatch[],
): ManualBoundary | null {
  const segs = patches.filter(
    (p): p is Extract<RecordPatch, { table: "segments" }> => p.table === "segments",
  );
  const changed = segs.find((p) => p.before && p.after);
  if (!changed) return null;
  if (label === "split") {
    const added = segs.find((p) => !p.before && p.after);
    if (!added) return null;
    return boundary("split", changed.after!, changed.after!.source, added.after!.source);
  }
  if (label === "merge") {
    const removed = segs.find((p) => p.before && !p.after);
    if (!removed) return null;
    return boundary("merge", changed.before!, changed.before!.source, removed.before!.source);
  }
  return null;
}

function boundary(
  kind: ManualBoundary["kind"],
  seg: SegmentRecord,
  before: string,
  after: string,
): ManualBoundary | null {
  const b = before.trim();
  const a = after.trim();
  return b === "" || a === "" ? null : { kind, paragraph: seg.paragraph, before: b, after: a };
}

/**
 * Sentence spans of `text` after re-applying manual boundaries, oldest first (a later edit at the
 * same place wins): a split cuts the span that contains its position, a merge joins the two spans
 * that meet there. A boundary whose text is no longer in the paragraph is skipped. Spans are
 * [start, end) offsets into `text`; the result is trimmed, in order and never empty.
 */
export function applyManualBoundaries(
  text: string,
  spans: readonly [number, number][],
  boundaries: readonly ManualBoundary[],
): { spans: [number, number][]; applied: number } {
  // Position of each boundary: the end of `before` where `before + " " + after` occurs.
  const wanted = new Map<number, ManualBoundary["kind"]>();
  for (const b of boundaries) {
    const needle = `${b.before} ${b.after}`;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const position = at + b.before.length;
      wanted.delete(position); // the latest edit at a place is the one that counts
      wanted.set(position, b.kind);
    }
  }
  let out: [number, number][] = spans.map(([s, e]) => [s, e]);
  let applied = 0;
  for (const [position, kind] of wanted) {
    if (kind === "split") {
      const k = out.findIndex(([s, e]) => s < position && position < e);
      if (k < 0) continue;
      const [s, e] = out[k]!;
      const left = trimSpan(text, s, position);
      const right = trimSpan(text, position, e);
      if (!left || !right) continue;
      out.splice(k, 1, left, right);
      applied++;
    } else {
      const k = out.findIndex(([, e], i) => {
        const next = out[i + 1];
        return next !== undefined && e <= position && next[0] >= position;
      });
      if (k < 0) continue;
      out = [...out.slice(0, k), [out[k]![0], out[k + 1]![1]], ...out.slice(k + 2)];
      applied++;
    }
  }
  return { spans: out, applied };
}

function trimSpan(text: string, start: number, end: number): [number, number] | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? [s, e] : null;
}
