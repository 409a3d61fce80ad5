import type { CommentRecord, SegmentRecord, TranslationRecord } from "../model/records.ts";
import type { QaDismissalRecord } from "../qa/dismissals.ts";
import type { GlossaryConcept } from "../glossary/model.ts";

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
  | { table: "comments"; key: string; before: CommentRecord | null; after: CommentRecord | null }
  | {
      table: "qaDismissals";
      key: string;
      before: QaDismissalRecord | null;
      after: QaDismissalRecord | null;
    }
  | {
      table: "glossary";
      key: string;
      before: GlossaryConcept | null;
      after: GlossaryConcept | null;
    };

/**
 * The tables a command may change (documents are not patched: their counts are derived).
 * `qaDismissals` (dismissed QA findings) are local to this browser: not synced (commit-patches).
 * `glossary` concepts are project-wide: a glossary command is kept in the history of the document
 * it was made in (its undo step) and synced to every joined project without a document.
 */
export const PATCHED_TABLES = [
  "translations",
  "segments",
  "comments",
  "qaDismissals",
  "glossary",
] as const;

/** The patches that undo `patches`: each one swapped, in reverse order. */
export function invertPatches(patches: readonly RecordPatch[]): RecordPatch[] {
  return patches.map((p) => ({ ...p, before: p.after, after: p.before }) as RecordPatch).reverse();
}

/** Patches that change nothing are dropped (a save of the same text and status). */
export function isNoop(patch: RecordPatch): boolean {
  return sameRecord(patch.before, patch.after);
}

/** Structural equality of stored records (plain JSON data). */
export function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * One patch per record for a command whose steps touch a record more than once (the first step's
 * before, the last one's after), in the order records were first touched. Linear in the patches.
 */
export function collapsePatches(patches: readonly RecordPatch[]): RecordPatch[] {
  const byKey = new Map<string, RecordPatch>();
  for (const p of patches) {
    const id = `${p.table}\u0000${p.key}`;
    const prev = byKey.get(id);
    byKey.set(id, prev ? ({ ...prev, after: p.after } as RecordPatch) : p);
  }
  return [...byKey.values()];
}

/**
 * Two successive commands merged into one (typing bursts in one cell become one undo step):
 * the first's before, the second's after, per record key.
 */
export function mergePatches(
  first: readonly RecordPatch[],
  second: readonly RecordPatch[],
): RecordPatch[] {
  return collapsePatches([...first, ...second]).filter((p) => !isNoop(p));
}
