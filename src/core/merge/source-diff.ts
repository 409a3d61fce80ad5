import type { BundleDocument } from "../model/bundle.ts";

export type SourceChangeKind = "changed" | "added" | "removed";

/** One example of a difference, for the import dialog ("“Halo.” → “Halo!”"). */
export interface SourceChange {
  kind: SourceChangeKind;
  /** The local segment's source (changed, removed). */
  local?: string;
  /** The file's segment's source (changed, added). */
  file?: string;
}

/**
 * How the sources of a file's document differ from the local document with the same id: what a
 * user must see before choosing merge, copy or keep. Segments are matched by id (as the merge
 * does); `added` are the file's segments with no local one, `removed` local ones the file lacks.
 */
export interface SourceDiff {
  fileSegments: number;
  localSegments: number;
  same: number;
  changed: number;
  added: number;
  removed: number;
  /** At most `maxExamples`, changed first, then added, then removed. */
  examples: SourceChange[];
}

export function diffSources(
  local: Pick<BundleDocument, "segments">,
  file: Pick<BundleDocument, "segments">,
  maxExamples = 3,
): SourceDiff {
  const localById = new Map(local.segments.map((s) => [s.id, s]));
  const fileIds = new Set(file.segments.map((s) => s.id));
  const diff: SourceDiff = {
    fileSegments: file.segments.length,
    localSegments: local.segments.length,
    same: 0,
    changed: 0,
    added: 0,
    removed: 0,
    examples: [],
  };
  const changed: SourceChange[] = [];
  const added: SourceChange[] = [];
  const removed: SourceChange[] = [];
  for (const s of file.segments) {
    const mine = localById.get(s.id);
    if (!mine) {
      diff.added++;
      if (added.length < maxExamples) added.push({ kind: "added", file: s.source });
    } else if (mine.source === s.source) {
      diff.same++;
    } else {
      diff.changed++;
      if (changed.length < maxExamples)
        changed.push({ kind: "changed", local: mine.source, file: s.source });
    }
  }
  for (const s of local.segments) {
    if (fileIds.has(s.id)) continue;
    diff.removed++;
    if (removed.length < maxExamples) removed.push({ kind: "removed", local: s.source });
  }
  diff.examples = [...changed, ...added, ...removed].slice(0, maxExamples);
  return diff;
}
