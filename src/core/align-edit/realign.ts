import type { AlignmentPlan, FixedLink } from "../align/types.ts";
import { AppError } from "../model/app-error.ts";
import type { CellPatch } from "./cell-patch.ts";
import { cellStarts, inOrder, joinTexts, keysBetween } from "./column.ts";
import { cellOfLink, checkPlanLinks, replaceColumn } from "./from-alignment.ts";
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
  /** Where each unlocked cell sits: "rowFrom:rowTo:sentenceFrom:sentenceTo" → its id. */
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

function placeKey(
  rows: readonly number[],
  sentences: readonly number[],
  row: number,
  sentence: number,
): string {
  return `${row}:${row + rows.length}:${sentence}:${sentence + sentences.length}`;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}

/**
 * The aligner's input for re-aligning everything but the locked cells. `splitSentences` is the target
 * language's segmenter (pass `(t) => [t]` to keep each cell's text as one sentence). A locked cell with
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
    for (const raw of cell.text.trim() === "" ? [] : splitSentences(cell.text)) {
      const sentence = raw.trim();
      if (sentence === "") continue;
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
      unlockedAt.set(placeKey(link.source, link.target, start, first), cell.id);
    }
  });
  closeGap(rowCount, targetSentences.length);
  return { rowCount, targetSentences, fixedLinks, lockedCells, gaps, unlockedAt, sentenceSpans };
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
  if (
    plan.sourceCount !== request.rowCount ||
    plan.targetCount !== request.targetSentences.length
  ) {
    throw new AppError("align-edit.plan-mismatch", {
      rows: request.rowCount,
      sentences: request.targetSentences.length,
      planRows: plan.sourceCount,
      planSentences: plan.targetCount,
    });
  }
  checkPlanLinks(plan.links);
  const locked = new Map(request.fixedLinks.map((l, k) => [linkKey(l), request.lockedCells[k]!]));
  const cells = inOrder(column);
  const byId = new Map(cells.map((c) => [c.id, c]));

  // Walk the links: kept cells as they are, new ones waiting for order keys between kept neighbours.
  const result: TargetCell[] = [];
  let pending: TargetCell[] = [];
  let prevKept: string | null = null;
  const flush = (nextKept: string | null): void => {
    const keys = keysBetween(prevKept, nextKept, pending.length);
    pending.forEach((c, k) => result.push({ ...c, order: keys[k]! }));
    pending = [];
  };
  let row = 0;
  let sentence = 0;
  for (const link of plan.links) {
    const sameId = request.unlockedAt.get(placeKey(link.source, link.target, row, sentence));
    const kept = locked.get(linkKey(link)) ?? (sameId === undefined ? undefined : byId.get(sameId));
    if (kept) {
      flush(kept.order);
      result.push(kept);
      prevKept = kept.order;
    } else {
      pending.push(cellOfLink(link, runText(request, link.target), "", ctx));
    }
    row += link.source.length;
    sentence += link.target.length;
  }
  flush(null);
  return replaceColumn(cells, result);
}
