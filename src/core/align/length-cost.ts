/**
 * Gale-Church length cost: how unlikely it is that a source span of l1 characters translates into
 * a target span of l2 characters, given the ratio c and variance s2 learned from the two texts.
 */

/** -ln(2 * (1 - Φ(|z|))): the two-sided tail of the standard normal, as a cost in nats. */
export function normalTailCost(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  // erfc(x) with Chebyshev fitting (Numerical Recipes erfcc), fractional error < 1.2e-7.
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  // 2 * (1 - Φ(|z|)) = erfc(|z| / √2) = t * exp(poly)
  return Math.max(0, -(Math.log(t) + poly));
}

export interface LengthModel {
  /** Expected target characters per source character. */
  ratio: number;
  /** Variance of the target length per source character (Gale-Church's s²). */
  variance: number;
}

export function lengthCost(l1: number, l2: number, model: LengthModel): number {
  const mean = (l1 + l2 / model.ratio) / 2;
  if (mean <= 0) return 0;
  const z = (l2 - l1 * model.ratio) / Math.sqrt(Math.max(mean, 1) * model.variance);
  return normalTailCost(z);
}

/** Characters that count for length: everything but whitespace. */
export function sentenceLength(sentence: string): number {
  let n = 0;
  for (const ch of sentence) if (!/\s/.test(ch)) n++;
  return n;
}
