import type { CommentRecord, SegmentRecord, TranslationRecord } from "../model/records.ts";
import { translationId } from "../model/records.ts";
import { TARGET_LANGS } from "../model/languages.ts";
import { keyBetween } from "../model/order-key.ts";
import { AppError } from "../model/app-error.ts";
import type { RecordPatch } from "./patch.ts";

/** What a structural edit of the source column needs to know about the document (read by db). */
export interface DocumentState {
  /** Segments in order. */
  segments: readonly SegmentRecord[];
  /** Translations by id (`segmentId:lang`). */
  translations: ReadonlyMap<string, TranslationRecord>;
  /** Comments by segment id. */
  comments: ReadonlyMap<string, readonly CommentRecord[]>;
}

export interface EditContext {
  user: string;
  at: string;
  newId: () => string;
}

function joinText(parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .join(" ");
}

/**
 * One group of old segments that becomes one group of new ones: the first new segment keeps the first
 * old segment's id, order key and paragraph; the old targets are joined onto it (status Draft, to be
 * checked again); the other new segments are new rows without targets; comments move to the first.
 */
interface Cluster {
  old: SegmentRecord[];
  sources: string[];
  paragraph: number;
}

function clusterPatches(
  state: DocumentState,
  cluster: Cluster,
  nextOrder: string | null,
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
  for (const lang of TARGET_LANGS) {
    const own = state.translations.get(translationId(first.id, lang));
    const others = rest.map((s) => state.translations.get(translationId(s.id, lang)));
    const texts = [own, ...others].map((t) => t?.text ?? "");
    const merged = joinText(texts);
    if (own || merged !== "") {
      const base = own ?? others.find((t) => t !== undefined);
      if (base) {
        const after: TranslationRecord = {
          ...base,
          id: translationId(first.id, lang),
          segmentId: first.id,
          text: merged,
          status: merged === "" ? "empty" : "draft",
          changedBy: ctx.user,
          changedAt: ctx.at,
        };
        patches.push({ table: "translations", key: after.id, before: own ?? null, after });
      }
    }
    for (const t of others) {
      if (t) patches.push({ table: "translations", key: t.id, before: t, after: null });
    }
  }
  for (const s of rest) {
    for (const c of state.comments.get(s.id) ?? []) {
      patches.push({
        table: "comments",
        key: c.id,
        before: c,
        after: { ...c, segmentId: first.id },
      });
    }
    patches.push({ table: "segments", key: s.id, before: s, after: null });
  }
  let prev = first.order;
  for (const source of cluster.sources.slice(1)) {
    const order = keyBetween(prev, nextOrder);
    patches.push({
      table: "segments",
      key: "",
      before: null,
      after: { id: ctx.newId(), docId: first.docId, order, paragraph: cluster.paragraph, source },
    });
    prev = order;
  }
  return patches.map((p) => (p.key === "" && p.after ? { ...p, key: p.after.id } : p));
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
    sources: [joinText([a.source, b.source])],
    paragraph: a.paragraph,
  };
  return clusterPatches(state, cluster, state.segments[i + 2]?.order ?? null, ctx);
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
  return clusterPatches(state, cluster, state.segments[i + 1]?.order ?? null, ctx);
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
): RecordPatch[] {
  const patches: RecordPatch[] = [];
  const segs = state.segments;
  let i = 0;
  while (i < segs.length) {
    const paragraph = segs[i]!.paragraph;
    let j = i;
    while (j < segs.length && segs[j]!.paragraph === paragraph) j++;
    const old = segs.slice(i, j);
    const text = old.map((s) => s.source).join(" ");
    const fresh = segmentParagraph(text);
    // Character spans of old and new sentences within `text`.
    const oldSpans: [number, number][] = [];
    let pos = 0;
    for (const s of old) {
      oldSpans.push([pos, pos + s.source.length]);
      pos += s.source.length + 1;
    }
    const newSpans: [number, number][] = [];
    let cursor = 0;
    for (const sentence of fresh) {
      const at = text.indexOf(sentence, cursor);
      const start = at < 0 ? cursor : at;
      newSpans.push([start, start + sentence.length]);
      cursor = start + sentence.length;
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
        cluster.sources.push(joinText(cluster.old.map((s) => s.source)));
      const nextOrder = old[a]?.order ?? segs[j]?.order ?? null;
      patches.push(...clusterPatches(state, cluster, nextOrder, ctx));
    }
    i = j;
  }
  return patches;
}
