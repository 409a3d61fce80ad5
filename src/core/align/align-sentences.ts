import type { Band } from "./band.ts";
import { anchorBand, edgeDistance, fullBand, pathBand } from "./band.ts";
import { anchorPoints } from "./anchor-path.ts";
import { FIRST_MARGIN, beadConfidence } from "./confidence.ts";
import type { Bead, DpParams, DpTexts } from "./dp.ts";
import { searchBand } from "./dp.ts";
import { defaultPriors, initialLengthModel, refineLengthModel } from "./estimate.ts";
import type { FeatureIndex } from "./feature-index.ts";
import { buildFeatureIndex } from "./feature-index.ts";
import { foldTerm, sentenceFeatures } from "./features.ts";
import type { Gap } from "./fixed-links.ts";
import { gapsBetween } from "./fixed-links.ts";
import { sentenceLength } from "./length-cost.ts";
import { learnWordPairs, wordSet } from "./learn-lexicon.ts";
import { orderLinks } from "./order-links.ts";
import type { AlignLink, AlignOptions, AlignTuning, AlignmentPlan, FixedLink } from "./types.ts";

export const DEFAULT_TUNING: AlignTuning = {
  lexicalWeight: 2.5,
  paragraphPenalty: 2.5,
  band: 120,
  fullSearchCells: 250_000,
  learnLexicon: true,
};

/** One gap's sub-problem, renumbered 0..n-1 / 0..m-1, with its map back to global numbers. */
interface GapTexts {
  texts: DpTexts;
  /** Sure points (grid corners) for the first band of a long gap. */
  anchors: Array<[number, number]>;
  source: number[];
  target: number[];
}

function prefix(values: readonly number[], ids: readonly number[]): Float64Array {
  const out = new Float64Array(ids.length + 1);
  ids.forEach((id, k) => (out[k + 1] = (out[k] ?? 0) + (values[id] ?? 0)));
  return out;
}

function breaks(
  paragraphs: readonly number[] | undefined,
  ids: readonly number[],
): Uint8Array | null {
  if (paragraphs === undefined) return null;
  const out = new Uint8Array(ids.length + 1);
  out[0] = 1;
  out[ids.length] = 1;
  for (let k = 1; k < ids.length; k++) {
    out[k] = paragraphs[ids[k] ?? 0] !== paragraphs[ids[k - 1] ?? 0] ? 1 : 0;
  }
  return out;
}

/** Where the gap's sentence numbers jump (a fixed 1-0 / 0-1 link was taken out), or null. */
function barriers(ids: readonly number[]): Uint8Array | null {
  let out: Uint8Array | null = null;
  for (let k = 1; k < ids.length; k++) {
    if ((ids[k] ?? 0) !== (ids[k - 1] ?? 0) + 1) {
      out ??= new Uint8Array(ids.length + 1);
      out[k] = 1;
    }
  }
  return out;
}

/** Paragraphs anchor only when both sides have them and at least one side has more than one. */
function informative(
  source: readonly number[] | undefined,
  target: readonly number[] | undefined,
): boolean {
  if (source === undefined || target === undefined) return false;
  const several = (p: readonly number[]): boolean => p.some((x) => x !== p[0]);
  return several(source) || several(target);
}

function gapTexts(
  gap: Gap,
  lengths: { source: number[]; target: number[] },
  index: FeatureIndex,
  options: AlignOptions,
  fullSearchCells: number,
): GapTexts {
  const source = gap.source.map((id) => index.source[id] ?? new Int32Array());
  const target = gap.target.map((id) => index.target[id] ?? new Int32Array());
  const lists: number[][] = Array.from(index.weight, () => []);
  target.forEach((ids, t) => ids.forEach((id) => lists[id]?.push(t)));
  const both = informative(options.sourceParagraphs, options.targetParagraphs);
  const count = (p: readonly number[] | undefined): number => new Set(p).size;
  const same = both && count(options.sourceParagraphs) === count(options.targetParagraphs);
  const rank = (p: readonly number[] | undefined, ids: readonly number[]): Int32Array => {
    const order = [...new Set(p)].sort((x, y) => x - y);
    const index = new Map(order.map((v, k) => [v, k]));
    return Int32Array.from(ids, (id) => index.get(p?.[id] ?? 0) ?? 0);
  };
  const large = (gap.source.length + 1) * (gap.target.length + 1) > fullSearchCells;
  return {
    source: gap.source,
    target: gap.target,
    anchors: large
      ? anchorPoints(index, gap.source, gap.target).map(([s, t]) => [s + 1, t + 1])
      : [],
    texts: {
      sourceLen: prefix(lengths.source, gap.source),
      targetLen: prefix(lengths.target, gap.target),
      features: {
        source,
        target,
        weight: index.weight,
        targetsOf: lists.map((l) => Int32Array.from(l)),
      },
      sourceBreak: both ? breaks(options.sourceParagraphs, gap.source) : null,
      targetBreak: both ? breaks(options.targetParagraphs, gap.target) : null,
      sourceBarrier: barriers(gap.source),
      targetBarrier: barriers(gap.target),
      sourcePara: same ? rank(options.sourceParagraphs, gap.source) : null,
      targetPara: same ? rank(options.targetParagraphs, gap.target) : null,
    },
  };
}

function corners(beads: readonly Bead[]): Array<[number, number]> {
  return beads.map((b): [number, number] => [b.s + b.a, b.t + b.b]);
}

interface Pass {
  beads: Bead[];
  band: Band;
}

/**
 * Aligns two texts given as sentences. Returns links that cover every sentence exactly once in
 * monotone order, each with a confidence. Throws AppError("align.aborted") when options.signal
 * is aborted, AppError("align.invalid-fixed-links") for fixed links that cannot be kept.
 */
export function alignSentences(
  source: readonly string[],
  target: readonly string[],
  options: AlignOptions,
): AlignmentPlan {
  const tuning: AlignTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const fixed = options.fixedLinks ?? [];
  const gaps = gapsBetween(fixed, source.length, target.length);
  const terms = (options.glossary ?? []).map((g) => [foldTerm(g.source), foldTerm(g.target)]);
  const sourceTerms = terms.map(([s]) => s ?? "");
  const targetTerms = terms.map(([, t]) => t ?? "");
  const sourceFeatures = source.map((s) => sentenceFeatures(s, options.sourceLang, sourceTerms));
  const targetFeatures = target.map((t) => sentenceFeatures(t, options.targetLang, targetTerms));
  let index = buildFeatureIndex(sourceFeatures, targetFeatures);
  const lengths = { source: source.map(sentenceLength), target: target.map(sentenceLength) };
  const sum = (xs: number[]): number => xs.reduce((x, y) => x + y, 0);
  let work = gaps.map((gap) => gapTexts(gap, lengths, index, options, tuning.fullSearchCells));

  const totalRows = work.reduce((x, g) => x + g.source.length + 1, 0);
  const passes = 2;
  let rowsDone = 0;
  let pass = 0;
  let reported = 0;
  const progress = (rows: number): void => {
    const fraction = Math.min(1, (pass + (rowsDone + rows) / Math.max(1, totalRows)) / passes);
    // At most ~200 calls, never going back (a widened band re-runs a gap).
    if (fraction - reported < 0.005) return;
    reported = fraction;
    options.onProgress?.(fraction);
  };

  let params: DpParams = {
    length: initialLengthModel(
      sum(lengths.source),
      sum(lengths.target),
      Math.min(source.length, target.length),
    ),
    priors: defaultPriors(),
    lexicalWeight: tuning.lexicalWeight,
    paragraphPenalty: tuning.paragraphPenalty,
  };

  const runPass = (previous: Pass[] | null): Pass[] => {
    rowsDone = 0;
    const out = work.map((g, k): Pass => {
      const n = g.source.length;
      const m = g.target.length;
      const range = { s0: 0, s1: n, t0: 0, t1: m };
      const control = { signal: options.signal, onRow: progress };
      const prev = previous?.[k];
      let band =
        (n + 1) * (m + 1) <= tuning.fullSearchCells
          ? fullBand(n, m)
          : prev
            ? pathBand(n, m, corners(prev.beads), tuning.band)
            : anchorBand(n, m, g.anchors, tuning.band);
      let beads = searchBand(g.texts, range, band, params, control);
      let width = tuning.band;
      while (band.cells < (n + 1) * (m + 1) && edgeDistance(band, corners(beads)) < 4) {
        width *= 2;
        band = pathBand(n, m, corners(beads), width);
        beads = searchBand(g.texts, range, band, params, control);
      }
      rowsDone += n + 1;
      return { beads, band };
    });
    pass++;
    return out;
  };

  const first = runPass(null);
  const firstBeads = first.flatMap((p, k) => globalBeads(p.beads, work[k]));
  params = {
    ...params,
    length: refineLengthModel(
      firstBeads,
      prefix(
        lengths.source,
        source.map((_, i) => i),
      ),
      prefix(
        lengths.target,
        target.map((_, i) => i),
      ),
      params.length,
    ),
  };
  if (tuning.learnLexicon) {
    const sw = source.map(wordSet);
    const tw = target.map(wordSet);
    const pairs = learnWordPairs(sw, tw, firstBeads);
    const bySource = new Map<string, number>();
    const byTarget = new Map<string, number>();
    pairs.forEach(([ws, wt], k) => {
      bySource.set(ws, k);
      byTarget.set(wt, k);
    });
    const add = (features: string[][], ws: string[][], map: Map<string, number>): string[][] =>
      features.map((f, i) => [
        ...f,
        ...(ws[i] ?? []).flatMap((w) => {
          const k = map.get(w);
          return k === undefined ? [] : [`x:${k}`];
        }),
      ]);
    index = buildFeatureIndex(add(sourceFeatures, sw, bySource), add(targetFeatures, tw, byTarget));
    work = gaps.map((gap) => gapTexts(gap, lengths, index, options, tuning.fullSearchCells));
  }
  const second = runPass(first);
  options.onProgress?.(1);

  const links: AlignLink[] = fixed.map((f: FixedLink) => ({
    source: [...f.source],
    target: [...f.target],
    confidence: 1,
  }));
  second.forEach((p, k) => {
    const g = work[k];
    if (!g) return;
    let startMargin = FIRST_MARGIN;
    for (const bead of p.beads) {
      links.push({
        source: g.source.slice(bead.s, bead.s + bead.a),
        target: g.target.slice(bead.t, bead.t + bead.b),
        confidence: beadConfidence(bead, startMargin),
      });
      startMargin = bead.margin;
    }
  });
  return { links: orderLinks(links), sourceCount: source.length, targetCount: target.length };
}

/** Beads of a gap in global sentence numbers (gaps are contiguous apart from fixed null links). */
function globalBeads(beads: readonly Bead[], gap: GapTexts | undefined): Bead[] {
  if (!gap) return [];
  return beads.map((b) => ({ ...b, s: gap.source[b.s] ?? 0, t: gap.target[b.t] ?? 0 }));
}

/** Re-aligns only the sentences between the given confirmed links, which are kept as they are. */
export function realignBetween(
  source: readonly string[],
  target: readonly string[],
  fixedLinks: readonly FixedLink[],
  options: AlignOptions,
): AlignmentPlan {
  return alignSentences(source, target, { ...options, fixedLinks });
}
