import { AppError } from "../model/app-error.ts";
import type { FixedLink } from "./types.ts";

/** Sentences still to be aligned between two fixed links (global sentence numbers, ascending). */
export interface Gap {
  source: number[];
  target: number[];
}

function isRun(ids: readonly number[]): boolean {
  return ids.every((v, k) => Number.isInteger(v) && (k === 0 || v === (ids[k - 1] ?? 0) + 1));
}

function range(from: number, to: number, skip: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) if (!skip.has(k)) out.push(k);
  return out;
}

/**
 * Checks the fixed links (contiguous runs, in order, inside the texts, no sentence twice) and returns
 * the gaps between the links that have both sides; sentences of fixed 1-0 / 0-1 links are left out of
 * the gaps. Throws AppError("align.invalid-fixed-links", { index }).
 */
export function gapsBetween(
  fixed: readonly FixedLink[],
  sourceCount: number,
  targetCount: number,
): Gap[] {
  const usedS = new Set<number>();
  const usedT = new Set<number>();
  let lastS = -1;
  let lastT = -1;
  fixed.forEach((link, index) => {
    const fail = (): never => {
      throw new AppError("align.invalid-fixed-links", { index });
    };
    if (link.source.length + link.target.length === 0) fail();
    if (!isRun(link.source) || !isRun(link.target)) fail();
    for (const s of link.source) {
      if (s < 0 || s >= sourceCount || s <= lastS || usedS.has(s)) fail();
      usedS.add(s);
    }
    for (const t of link.target) {
      if (t < 0 || t >= targetCount || t <= lastT || usedT.has(t)) fail();
      usedT.add(t);
    }
    lastS = link.source.at(-1) ?? lastS;
    lastT = link.target.at(-1) ?? lastT;
  });
  const gaps: Gap[] = [];
  let s = 0;
  let t = 0;
  for (const link of fixed) {
    if (link.source.length === 0 || link.target.length === 0) continue;
    const ls = link.source[0] ?? 0;
    const lt = link.target[0] ?? 0;
    gaps.push({ source: range(s, ls, usedS), target: range(t, lt, usedT) });
    s = ls + link.source.length;
    t = lt + link.target.length;
  }
  gaps.push({ source: range(s, sourceCount, usedS), target: range(t, targetCount, usedT) });
  return gaps;
}
