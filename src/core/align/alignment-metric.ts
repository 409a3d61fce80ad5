/**
 * The published sentence-alignment metric (Sennrich & Volk 2010, as in Vecalign's score.py):
 * strict and lax precision/recall, with counts pooled over documents before ratios are taken.
 */
export interface BeadLike {
  source: readonly number[];
  target: readonly number[];
}

export interface MetricCounts {
  strictPrecisionHits: number;
  laxPrecisionHits: number;
  precisionTotal: number;
  strictRecallHits: number;
  laxRecallHits: number;
  recallTotal: number;
}

export interface MetricScores {
  strict: { precision: number; recall: number; f1: number };
  lax: { precision: number; recall: number; f1: number };
}

export function emptyCounts(): MetricCounts {
  return {
    strictPrecisionHits: 0,
    laxPrecisionHits: 0,
    precisionTotal: 0,
    strictRecallHits: 0,
    laxRecallHits: 0,
    recallTotal: 0,
  };
}

const key = (b: BeadLike): string => `${b.source.join(",")}:${b.target.join(",")}`;

function unique(beads: readonly BeadLike[]): BeadLike[] {
  const seen = new Map<string, BeadLike>();
  for (const b of beads) if (!seen.has(key(b))) seen.set(key(b), b);
  return [...seen.values()];
}

function pairSet(beads: readonly BeadLike[]): Set<string> {
  const out = new Set<string>();
  for (const b of beads) for (const s of b.source) for (const t of b.target) out.add(`${s}:${t}`);
  return out;
}

function anyPair(b: BeadLike, pairs: Set<string>): boolean {
  return b.source.some((s) => b.target.some((t) => pairs.has(`${s}:${t}`)));
}

/** Adds one document's counts (hypothesis vs gold) to `into` and returns it. */
export function countDocument(
  hypothesis: readonly BeadLike[],
  gold: readonly BeadLike[],
  into: MetricCounts = emptyCounts(),
): MetricCounts {
  const hyp = unique(hypothesis).filter((b) => b.source.length + b.target.length > 0);
  const ref = unique(gold);
  const refKeys = new Set(ref.map(key));
  const hypKeys = new Set(hyp.map(key));
  const refPairs = pairSet(ref);
  const hypFull = hyp.filter((b) => b.source.length > 0 && b.target.length > 0);
  const hypPairs = pairSet(hypFull);
  for (const b of hyp) {
    into.precisionTotal++;
    const exact = refKeys.has(key(b));
    if (b.source.length === 0 || b.target.length === 0) {
      if (exact) {
        into.strictPrecisionHits++;
        into.laxPrecisionHits++;
      }
      continue;
    }
    if (exact) into.strictPrecisionHits++;
    if (anyPair(b, refPairs)) into.laxPrecisionHits++;
  }
  for (const b of ref) {
    if (b.source.length === 0 || b.target.length === 0) continue;
    into.recallTotal++;
    if (hypKeys.has(key(b))) into.strictRecallHits++;
    if (anyPair(b, hypPairs)) into.laxRecallHits++;
  }
  return into;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function scoresOf(c: MetricCounts): MetricScores {
  const ratio = (x: number, y: number): number => (y === 0 ? 0 : x / y);
  const sp = ratio(c.strictPrecisionHits, c.precisionTotal);
  const sr = ratio(c.strictRecallHits, c.recallTotal);
  const lp = ratio(c.laxPrecisionHits, c.precisionTotal);
  const lr = ratio(c.laxRecallHits, c.recallTotal);
  return {
    strict: { precision: sp, recall: sr, f1: f1(sp, sr) },
    lax: { precision: lp, recall: lr, f1: f1(lp, lr) },
  };
}
