import type { CommentRecord, SegmentRecord, TranslationRecord } from "../model/records.ts";

/**
 * A change to one stored record, as its state before and after (null = absent). Commands are lists
 * of patches; undo applies the inverse, redo the patches again, through the same db operation.
 */
export type RecordPatch =
  | {
      table: "translations";
      key: string;
      before: TranslationRecord | null;
      after: TranslationRecord | null;
    }
  | { table: "segments"; key: string; before: SegmentRecord | null; after: SegmentRecord | null }
  | { table: "comments"; key: string; before: CommentRecord | null; after: CommentRecord | null };

/** The tables a command may change (documents are not patched: their counts are derived). */
export const PATCHED_TABLES = ["translations", "segments", "comments"] as const;

/** The patches that undo `patches`: each one swapped, in reverse order. */
export function invertPatches(patches: readonly RecordPatch[]): RecordPatch[] {
  return patches.map((p) => ({ ...p, before: p.after, after: p.before }) as RecordPatch).reverse();
}

/** Patches that change nothing are dropped (a save of the same text and status). */
export function isNoop(patch: RecordPatch): boolean {
  return JSON.stringify(patch.before) === JSON.stringify(patch.after);
}

/** Structural equality of stored records (plain JSON data). */
export function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Two successive commands merged into one (typing bursts in one cell become one undo step):
 * the first's before, the second's after, per record key.
 */
export function mergePatches(
  first: readonly RecordPatch[],
  second: readonly RecordPatch[],
): RecordPatch[] {
  const out = first.map((p) => ({ ...p }) as RecordPatch);
  for (const p of second) {
    const i = out.findIndex((q) => q.table === p.table && q.key === p.key);
    if (i >= 0) out[i] = { ...out[i]!, after: p.after } as RecordPatch;
    else out.push(p);
  }
  return out.filter((p) => !isNoop(p));
}
