import type { AlignLink, AlignmentPlan, FixedLink } from "../align/types.ts";
import type { CellPatch } from "./cell-patch.ts";
import { cellStarts, inOrder, joinTexts, keysBetween } from "./column.ts";
import { cellOfLink, checkPlanFits, checkPlanLinks, replaceColumn } from "./from-alignment.ts";
import type { CellEditContext, ColumnRef, TargetCell } from "./types.ts";

/**
 * Re-aligning the unconfirmed part of a column, in two pure steps around the aligner:
 * 1. `realignPlanBetweenLocked` turns the column into the aligner's input: the target sentences of
 *    all cells in order, and the locked cells as fixed links;
 * 2. the shell runs `realignBetween(sourceRows, request.targetSentences, request.fixedLinks, options)`
 *    (in a worker);
 * 3. `spliceRealigned` turns the result into patches: locked cells stay as they are, unlocked cells
 *    that the new alignment reproduces (same rows, same text) stay too, the others are replaced.
 */
export interface RealignRequest {
  rowCount: number;
  /** Every cell's text split into sentences, in column order (the aligner's target side). */
  targetSentences: string[];
  /** One fixed link per locked cell that has rows or text (global row / sentence numbers). */
  fixedLinks: FixedLink[];
  /** The locked cell of each fixed link (same index). */
  lockedCells: TargetCell[];
  /** What will be re-aligned: the row and sentence ranges [from, to) between locked cells. */
  gaps: { rows: [number, number]; sentences: [number, number] }[];
  /** Where each unlocked cell sits (its rows and sentences, see placeKey) → its id. */
  unlockedAt: Map<string, string>;
  /**
   * Where each target sentence was found: the cell's text and the sentence's [from, to) in it, so
   * sentences of one cell that stay together keep the text between them exactly.
   */
  sentenceSpans: { cell: number; text: string; from: number; to: number }[];
}

/** The text of a run of sentences: original text within one cell, one space between cells. */
function runText(request: RealignRequest, sentences: readonly number[]): string {
  const parts: string[] = [];
  let k = 0;
  while (k < sentences.length) {
    const first = request.sentenceSpans[sentences[k]!];
    let last = first;
    let j = k + 1;
    while (j < sentences.length) {
      const next = request.sentenceSpans[sentences[j]!];
      if (!next || !last || next.cell !== last.cell || next.from < last.to || last.from < 0) break;
      last = next;
      j++;
    }
    parts.push(
      first && last && first.from >= 0 && last.to >= 0
        ? first.text.slice(first.from, last.to)
        : sentences
            .slice(k, j)
            .map((t) => request.targetSentences[t] ?? "")
            .join(" "),
    );
    k = j;
  }
  return joinTexts(parts);
}

/**
 * Where a link sits, for matching an unlocked cell the new plan reproduces. A link with one side only
 * is identified by that side (its position on the other side depends on how the aligner orders
 * neighbouring 1-0 and 0-1 links, which is arbitrary).
 */
function placeKey(rows: readonly number[], sentences: readonly number[]): string {
  const r = rows.length ? `${rows[0]}-${rows.length}` : "";
  const t = sentences.length ? `${sentences[0]}-${sentences.length}` : "";
  return `${r}:${t}`;
}

const bare = (text: string): string => text.replace(/\s+/g, "");

/**
 * A cell's sentences, trimmed and non-empty. A splitter that would lose or add text (its sentences,
 * white space aside, are not the cell's text) is not trusted: the cell is then one sentence.
 */
function sentencesOf(text: string, split: (text: string) => readonly string[]): string[] {
  if (text.trim() === "") return [];
  const sentences = split(text)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return bare(sentences.join("")) === bare(text) ? sentences : [text.trim()];
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}

/**
 * The aligner's input for re-aligning everything but the locked cells. `splitSentences` is the target
 * language's segmenter (pass `(t) => [t]` to keep each cell's text as one sentence); a cell whose
 * sentences would not give back its text is taken as one sentence. A locked cell with
 * neither rows nor text (an empty span-0 or overflow cell) links nothing and is dropped by the splice.
 */
export function realignPlanBetweenLocked(
  column: readonly TargetCell[],
  rowCount: number,
  splitSentences: (text: string) => readonly string[],
): RealignRequest {
  const cells = inOrder(column);
  const starts = cellStarts(cells);
  const targetSentences: string[] = [];
  const fixedLinks: FixedLink[] = [];
  const lockedCells: TargetCell[] = [];
  const gaps: RealignRequest["gaps"] = [];
  const unlockedAt = new Map<string, string>();
  const sentenceSpans: RealignRequest["sentenceSpans"] = [];
  let gapRow = 0;
  let gapSentence = 0;
  const closeGap = (row: number, sentence: number): void => {
    if (row > gapRow || sentence > gapSentence) {
      gaps.push({ rows: [gapRow, row], sentences: [gapSentence, sentence] });
    }
  };
  cells.forEach((cell, k) => {
    const first = targetSentences.length;
    let cursor = 0;
    for (const sentence of sentencesOf(cell.text, splitSentences)) {
      const from = cell.text.indexOf(sentence, cursor);
      targetSentences.push(sentence);
      // A splitter that rewrites text gives sentences not found verbatim: they are joined by a space.
      sentenceSpans.push({
        cell: k,
        text: cell.text,
        from,
        to: from < 0 ? -1 : from + sentence.length,
      });
      if (from >= 0) cursor = from + sentence.length;
    }
    const start = Math.min(starts[k]!, rowCount);
    const end = Math.min(starts[k]! + cell.span, rowCount);
    const link: FixedLink = {
      source: range(start, end),
      target: range(first, targetSentences.length),
    };
    if (cell.locked && link.source.length + link.target.length > 0) {
      closeGap(start, first);
      fixedLinks.push(link);
      lockedCells.push(cell);
      gapRow = end;
      gapSentence = targetSentences.length;
    } else if (start === starts[k] && end - start === cell.span) {
      // Only a cell that lies fully within the rows can be kept as it is by the splice.
      if (link.source.length + link.target.length > 0) {
        unlockedAt.set(placeKey(link.source, link.target), cell.id);
      }
    }
  });
  closeGap(rowCount, targetSentences.length);
  return { rowCount, targetSentences, fixedLinks, lockedCells, gaps, unlockedAt, sentenceSpans };
}

interface Item {
  link: AlignLink;
  /** The existing cell the link keeps (locked, or unlocked and reproduced exactly). */
  kept: TargetCell | undefined;
  /** The kept cell's index in the column (-1 for a new cell). */
  rank: number;
  /** The link's index in the plan. */
  index: number;
}

/**
 * The links in an order that keeps the kept cells in column order. Monotone links leave one freedom:
 * within a run of one-sided links, the 1-0 and the 0-1 links may interleave in any way (the aligner
 * picks one); the runs are re-merged so that kept cells come in their column order, new cells as
 * early as that allows.
 */
function columnOrder(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  let k = 0;
  const oneSided = (it: Item): boolean =>
    it.link.source.length === 0 || it.link.target.length === 0;
  while (k < items.length) {
    if (!oneSided(items[k]!)) {
      out.push(items[k++]!);
      continue;
    }
    const rows: Item[] = [];
    const sentences: Item[] = [];
    while (k < items.length && oneSided(items[k]!)) {
      const it = items[k++]!;
      (it.link.target.length === 0 ? rows : sentences).push(it);
    }
    let a = 0;
    let b = 0;
    while (a < rows.length || b < sentences.length) {
      const x = rows[a];
      const y = sentences[b];
      let takeRow: boolean;
      if (!x || !y) takeRow = x !== undefined;
      else if (x.kept && y.kept) takeRow = x.rank < y.rank;
      else if (x.kept || y.kept) takeRow = !x.kept;
      else takeRow = x.index < y.index;
      if (takeRow) out.push(rows[a++]!);
      else out.push(sentences[b++]!);
    }
  }
  return out;
}

/**
 * Which kept cells keep their order key: in sequence, a kept cell whose column index is above the
 * last anchor's and below every later locked cell's (so locked cells are anchors whenever the
 * aligner kept them in column order, which is the normal case).
 */
function anchors(items: readonly Item[]): boolean[] {
  const laterLocked: number[] = new Array<number>(items.length + 1);
  laterLocked[items.length] = Number.POSITIVE_INFINITY;
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    laterLocked[k] = Math.min(laterLocked[k + 1]!, it.kept?.locked ? it.rank : Infinity);
  }
  let last = -1;
  return items.map((it, k) => {
    const ok = it.kept !== undefined && it.rank > last && it.rank < laterLocked[k + 1]!;
    if (ok) last = it.rank;
    return ok;
  });
}

function linkKey(link: FixedLink): string {
  return `${link.source.join(",")}|${link.target.join(",")}`;
}

/**
 * The patches that put the aligner's result into the column: each fixed link keeps its locked cell,
 * each other link becomes a cell (origin "alignment", Draft) unless an unlocked cell already covered
 * exactly its rows and sentences, which is kept unchanged (status and all). New cells get order keys
 * between the kept cells around them. AppError("align-edit.plan-mismatch") when the plan is not for this request.
 */
export function spliceRealigned(
  column: readonly TargetCell[],
  request: RealignRequest,
  plan: AlignmentPlan,
  ctx: CellEditContext & ColumnRef,
): CellPatch[] {
  checkPlanFits(plan, request.rowCount, request.targetSentences.length);
  checkPlanLinks(plan.links);
  const locked = new Map(request.fixedLinks.map((l, k) => [linkKey(l), request.lockedCells[k]!]));
  const cells = inOrder(column);
  const byId = new Map(cells.map((c) => [c.id, c]));

  const position = new Map(cells.map((c, k) => [c.id, k]));
  const items = plan.links.map((link, index): Item => {
    const sameId = request.unlockedAt.get(placeKey(link.source, link.target));
    const kept = locked.get(linkKey(link)) ?? (sameId === undefined ? undefined : byId.get(sameId));
    return { link, kept, rank: kept ? (position.get(kept.id) ?? -1) : -1, index };
  });

  // Anchors keep their order key: kept cells in increasing column order, locked ones first in line.
  // Another kept cell (one the aligner moved past a locked one) keeps everything but its key.
  const ordered = columnOrder(items);
  const anchored = anchors(ordered);

  // Walk the links; cells that are not anchors wait for keys between the anchors around them.
  const result: TargetCell[] = [];
  let pending: TargetCell[] = [];
  let prevKey: string | null = null;
  const flush = (nextKey: string | null): void => {
    const keys = keysBetween(prevKey, nextKey, pending.length);
    pending.forEach((c, k) => result.push({ ...c, order: keys[k]! }));
    pending = [];
  };
  ordered.forEach(({ link, kept: found }, k) => {
    // A locked cell running past the last row keeps only the rows that exist.
    const kept =
      found && found.span !== link.source.length ? { ...found, span: link.source.length } : found;
    if (kept && anchored[k]) {
      flush(kept.order);
      result.push(kept);
      prevKey = kept.order;
    } else {
      pending.push(kept ?? cellOfLink(link, runText(request, link.target), "", ctx));
    }
  });
  flush(null);
  return replaceColumn(cells, result);
}
