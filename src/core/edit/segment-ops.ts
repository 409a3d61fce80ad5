import type { CommentRecord, SegmentRecord, TranslationRecord } from "../model/records.ts";
import { TARGET_LANGS, type TargetLang } from "../model/languages.ts";
import { applyCellPatches, type CellPatch } from "../align-edit/cell-patch.ts";
import { onSourceRowSplit, onSourceRowsMerged } from "../align-edit/source-row-ops.ts";
import { keyBetween } from "../model/order-key.ts";
import { AppError } from "../model/app-error.ts";
import { collapsePatches, type RecordPatch } from "./patch.ts";
import { inOrder, joinTexts } from "../align-edit/column.ts";
import type { CellEditContext, TargetCell } from "../align-edit/types.ts";
import { applyManualBoundaries, type ManualBoundary } from "./manual-boundaries.ts";

/** What a structural edit of the source column needs to know about the document (read by db). */
export interface DocumentState {
  /** Segments in order. */
  segments: readonly SegmentRecord[];
  /** Each target language's column of cells, in order. */
  columns: Partial<Record<TargetLang, readonly TranslationRecord[]>>;
  /** Comments by segment id. */
  comments: ReadonlyMap<string, readonly CommentRecord[]>;
}

/** Who edits, when, and how new ids are made (the same context the cell operations take). */
export type EditContext = CellEditContext;

/**
 * One group of old segments that becomes one group of new ones: the first new segment keeps the first
 * old segment's id, order key and paragraph; the other new segments are new rows; comments move to
 * the first. The target columns follow as a run of row merges then row splits
 * (align-edit/source-row-ops.ts): cells covering the merged rows are joined (back to Draft), a split
 * one-row cell keeps its text on the first part and gets an empty cell under it; a cell that covers
 * several rows just covers fewer or more.
 */
interface Cluster {
  old: SegmentRecord[];
  sources: string[];
  paragraph: number;
}

/**
 * The columns as a command changes them. Row edits come in increasing row order and each one only
 * reads the cells around its row, so each column keeps a cursor (the first cell that can still be
 * touched, and its start row) and an operation runs on a small window from there: linear in the
 * column, not in clusters × rows. The patches of the whole command collapse to one per cell.
 */
class ColumnWork {
  private readonly columns = new Map<
    TargetLang,
    { cells: TranslationRecord[]; k: number; start: number }
  >();
  private readonly out: RecordPatch[] = [];

  constructor(state: DocumentState) {
    for (const lang of TARGET_LANGS) {
      const column = state.columns[lang];
      if (column?.length) {
        this.columns.set(lang, {
          cells: [...inOrder(column)] as TranslationRecord[],
          k: 0,
          start: 0,
        });
      }
    }
  }

  has(lang: TargetLang): boolean {
    return (this.columns.get(lang)?.cells.length ?? 0) > 0;
  }

  /** Runs a row operation at `row` (a new cell it makes belongs to `newRowId`). */
  run(
    lang: TargetLang,
    row: number,
    op: (cells: readonly TargetCell[], row: number) => CellPatch[],
    newRowId: string | null,
  ): void {
    const col = this.columns.get(lang)!;
    const { cells } = col;
    while (col.k < cells.length && col.start + cells[col.k]!.span <= row) {
      col.start += cells[col.k++]!.span;
    }
    // The window: every cell starting at or before row + 1, and the one after (for order keys).
    let end = col.k;
    for (let start = col.start; end < cells.length && start <= row + 1; end++) {
      start += cells[end]!.span;
    }
    if (end < cells.length) end++;
    const window = cells.slice(col.k, end);
    const patches = op(window, row - col.start).map((p) => ({
      ...p,
      after:
        p.after && !("segmentId" in p.after) ? { ...p.after, segmentId: newRowId ?? "" } : p.after,
    })) as { key: string; before: TranslationRecord | null; after: TranslationRecord | null }[];
    cells.splice(
      col.k,
      window.length,
      ...(applyCellPatches(window, patches) as TranslationRecord[]),
    );
    for (const p of patches) this.out.push({ table: "translations", ...p });
  }

  patches(): RecordPatch[] {
    return collapsePatches(this.out);
  }
}

function clusterPatches(
  cluster: Cluster,
  row: number,
  nextOrder: string | null,
  comments: DocumentState["comments"],
  work: ColumnWork,
  ctx: EditContext,
): RecordPatch[] {
  const patches: RecordPatch[] = [];
  const [first, ...rest] = cluster.old;
  if (!first) return patches;
  const unchanged =
    cluster.old.length === 1 && cluster.sources.length === 1 && cluster.sources[0] === first.source;
  if (unchanged) return patches;

  patches.push({
    table: "segments",
    key: first.id,
    before: first,
    after: { ...first, source: cluster.sources[0] ?? "", paragraph: cluster.paragraph },
  });
  for (const s of rest) {
    for (const c of comments.get(s.id) ?? []) {
      patches.push({
        table: "comments",
        key: c.id,
        before: c,
        after: { ...c, segmentId: first.id },
      });
    }
    patches.push({ table: "segments", key: s.id, before: s, after: null });
  }
  const added: SegmentRecord[] = [];
  let prev = first.order;
  for (const source of cluster.sources.slice(1)) {
    const order = keyBetween(prev, nextOrder);
    added.push({
      id: ctx.newId(),
      docId: first.docId,
      order,
      paragraph: cluster.paragraph,
      source,
    });
    prev = order;
  }
  for (const s of added) patches.push({ table: "segments", key: s.id, before: null, after: s });

  for (const lang of TARGET_LANGS) {
    if (!work.has(lang)) continue;
    for (let k = 1; k < cluster.old.length; k++) {
      work.run(lang, row, (c, r) => onSourceRowsMerged(c, r, ctx), null);
    }
    added.forEach((s, k) => {
      work.run(lang, row + k, (c, r) => onSourceRowSplit(c, r, ctx), s.id);
    });
  }
  return patches;
}
function indexOf(state: DocumentState, segmentId: string): number {
  const i = state.segments.findIndex((s) => s.id === segmentId);
  if (i < 0) throw new AppError("db.segmentMissing", { segmentId });
  return i;
}

/** Merges a segment with the next one: sources and targets joined, targets back to Draft. */
export function planMergeWithNext(
  state: DocumentState,
  segmentId: string,
  ctx: EditContext,
): RecordPatch[] {
  const i = indexOf(state, segmentId);
  const a = state.segments[i]!;
  const b = state.segments[i + 1];
  if (!b) throw new AppError("edit.nothingToMerge", { segmentId });
  const cluster: Cluster = {
    old: [a, b],
    sources: [joinTexts([a.source, b.source])],
    paragraph: a.paragraph,
  };
  return withCells(state, (work) =>
    clusterPatches(cluster, i, state.segments[i + 2]?.order ?? null, state.comments, work, ctx),
  );
}

/** Runs a plan over the columns and appends the cells' net patches to its segment patches. */
function withCells(state: DocumentState, plan: (work: ColumnWork) => RecordPatch[]): RecordPatch[] {
  const work = new ColumnWork(state);
  const patches = plan(work);
  return [...patches, ...work.patches()];
}

/**
 * Splits a segment's source at a character offset. The first part keeps the id and the targets (which
 * go back to Draft, to be checked); the second part is a new row without targets.
 */
export function planSplit(
  state: DocumentState,
  segmentId: string,
  offset: number,
  ctx: EditContext,
): RecordPatch[] {
  const i = indexOf(state, segmentId);
  const seg = state.segments[i]!;
  const left = seg.source.slice(0, offset).trim();
  const right = seg.source.slice(offset).trim();
  if (left === "" || right === "") throw new AppError("edit.splitAtEdge", { segmentId });
  const cluster: Cluster = { old: [seg], sources: [left, right], paragraph: seg.paragraph };
  return withCells(state, (work) =>
    clusterPatches(cluster, i, state.segments[i + 1]?.order ?? null, state.comments, work, ctx),
  );
}

/**
 * Re-segments a document with a new segmenter, paragraph by paragraph, without losing any translation:
 * old and new sentences are matched by their character spans in the paragraph; a group of old
 * segments that overlaps a group of new ones becomes one cluster (see clusterPatches). Segments whose
 * span is unchanged keep everything.
 */
export function planResegment(
  state: DocumentState,
  segmentParagraph: (text: string) => string[],
  ctx: EditContext,
  /** The user's own splits and merges, oldest first: applied again where the text allows. */
  manual: readonly ManualBoundary[] = [],
): RecordPatch[] {
  return withCells(state, (work) => resegmentPatches(state, segmentParagraph, work, ctx, manual));
}

function resegmentPatches(
  state: DocumentState,
  segmentParagraph: (text: string) => string[],
  work: ColumnWork,
  ctx: EditContext,
  manual: readonly ManualBoundary[],
): RecordPatch[] {
  const patches: RecordPatch[] = [];
  const segs = state.segments;
  // Rows added minus rows removed so far: the current row of an old segment is its index + shift.
  let shift = 0;
  let i = 0;
  while (i < segs.length) {
    const paragraph = segs[i]!.paragraph;
    let j = i;
    while (j < segs.length && segs[j]!.paragraph === paragraph) j++;
    const old = segs.slice(i, j);
    const text = old.map((s) => s.source).join(" ");
    let fresh = segmentParagraph(text);
    // Character spans of old and new sentences within `text`.
    const oldSpans: [number, number][] = [];
    let pos = 0;
    for (const s of old) {
      oldSpans.push([pos, pos + s.source.length]);
      pos += s.source.length + 1;
    }
    let newSpans: [number, number][] = [];
    let cursor = 0;
    for (const sentence of fresh) {
      const at = text.indexOf(sentence, cursor);
      const start = at < 0 ? cursor : at;
      newSpans.push([start, start + sentence.length]);
      cursor = start + sentence.length;
    }
    const mine = manual.filter((m) => m.paragraph === paragraph);
    if (mine.length > 0) {
      const kept = applyManualBoundaries(text, newSpans, mine);
      if (kept.applied > 0) {
        newSpans = kept.spans;
        fresh = newSpans.map(([s, e]) => text.slice(s, e));
      }
    }
    // Walk both lists, closing a cluster where an old and a new boundary coincide.
    let a = 0;
    let b = 0;
    while (a < old.length || b < fresh.length) {
      const cluster: Cluster = { old: [], sources: [], paragraph };
      let endOld = -1;
      let endNew = -1;
      do {
        if (a < old.length && (endOld <= endNew || b >= fresh.length)) {
          cluster.old.push(old[a]!);
          endOld = oldSpans[a]![1];
          a++;
        } else if (b < fresh.length) {
          cluster.sources.push(fresh[b]!);
          endNew = newSpans[b]![1];
          b++;
        } else break;
      } while (endOld !== endNew || cluster.old.length === 0 || cluster.sources.length === 0);
      if (cluster.sources.length === 0)
        cluster.sources.push(joinTexts(cluster.old.map((s) => s.source)));
      const nextOrder = old[a]?.order ?? segs[j]?.order ?? null;
      const row = i + a - cluster.old.length + shift;
      patches.push(...clusterPatches(cluster, row, nextOrder, state.comments, work, ctx));
      shift += cluster.sources.length - cluster.old.length;
    }
    i = j;
  }
  return patches;
}
