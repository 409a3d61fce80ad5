import type { Bead } from "./dp.ts";

/**
 * Confidence of one link from its own evidence: how well the lengths fit, how many anchors the
 * two sides share, and how unusual its shape is. A logistic curve keeps it within 0..1.
 */
export function beadConfidence(bead: Bead): number {
  if (bead.a === 0 || bead.b === 0) return 0.3;
  const shape = bead.a === 1 && bead.b === 1 ? 0 : bead.a + bead.b <= 3 ? 0.6 : 1.1;
  const z = 1.4 - 0.55 * bead.lengthCost + 1.1 * Math.min(bead.lexical, 4) - shape;
  return 1 / (1 + Math.exp(-z));
}
