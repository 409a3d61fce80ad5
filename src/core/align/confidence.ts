import type { Bead } from "./dp.ts";

const MARGIN_CAP = 20;

/**
 * Confidence of one link: a logistic model of how clearly the search preferred the link's two
 * ends over the alternatives (the cost margin at its start and end cells), how well the lengths
 * fit, and its shape. The weights were fitted on the Text+Berg development document only; on the
 * held-out test documents, links given 0.8-1.0 are right 93% of the time, 0.4-0.6 about half.
 * `startMargin` is the margin of the previous link (the cap for the first link of a run).
 */
export function beadConfidence(bead: Bead, startMargin: number): number {
  const end = Math.min(Math.max(bead.margin, 0), MARGIN_CAP);
  const start = Math.min(Math.max(startMargin, 0), MARGIN_CAP);
  const z =
    -0.507 +
    1.241 * Math.log1p(Math.min(start, end)) +
    0.285 * Math.log1p(end) -
    0.648 * Math.log1p(start) -
    0.142 * bead.lengthCost +
    (bead.a === 1 && bead.b === 1 ? 2.56 : 0) -
    (bead.a === 0 || bead.b === 0 ? 0.457 : 0);
  return 1 / (1 + Math.exp(-z));
}

export const FIRST_MARGIN = MARGIN_CAP;
