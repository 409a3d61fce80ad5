import type { BundleTarget } from "../model/bundle.ts";
import type { Status } from "../model/status.ts";
import type { CompetingVersion } from "../sync/protocol.ts";

/** What the merge needs of a local cell (a TranslationRecord has all of it). */
export interface LocalCellState {
  text: string;
  status: Status;
  changedBy: string;
  changedAt: string;
  competing?: CompetingVersion[];
}

/** A text and status the local side has held (its revision log). */
export interface KnownState {
  text: string;
  status: Status;
}

/**
 * How one cell merges: `same` (nothing to do), `keep` (the local version stays: the file's is one
 * the local side already had, or only the local side changed), `take` (only the file changed since
 * the baseline: its text, status and stamps replace the local ones), `conflict` (both changed the
 * text: the local one stays current and the file's is added as a competing version).
 */
export type CellMerge =
  | { kind: "same" }
  | { kind: "keep" }
  | { kind: "take"; target: BundleTarget }
  | { kind: "conflict"; competing: CompetingVersion };

/**
 * Three-way merge of one cell without a stored common ancestor. The ancestor is inferred:
 * - a file version the local log holds (or already competing) is old news: the local side wins;
 * - the local side has not changed since the baseline (the instant up to which the file reflects
 *   the local data; null: unknown) or never had text: the file wins;
 * - otherwise both changed: a conflict when the texts differ; a status-only difference keeps the
 *   local status (never lost), as a text the file shares with the local log does.
 * A file without a target for the cell says nothing about it (a filtered export): never a deletion.
 */
export function mergeCell(
  local: LocalCellState | null,
  file: BundleTarget | undefined,
  known: readonly KnownState[],
  baseline: string | null,
): CellMerge {
  if (!file || file.text === "") return { kind: "same" };
  const current: LocalCellState = local ?? {
    text: "",
    status: "empty",
    changedBy: "",
    changedAt: "",
  };
  if (current.text === file.text && current.status === file.status) return { kind: "same" };
  if (known.some((k) => k.text === file.text && k.status === file.status)) return { kind: "keep" };
  if (current.competing?.some((c) => c.text === file.text)) return { kind: "keep" };
  const neverAuthored = current.text === "" && !known.some((k) => k.text !== "");
  const localUnchanged =
    neverAuthored ||
    (baseline !== null &&
      current.changedAt !== "" &&
      Date.parse(current.changedAt) <= Date.parse(baseline));
  if (localUnchanged) return { kind: "take", target: file };
  if (current.text === file.text) return { kind: "keep" };
  // The file only re-stated a text the local side had before (with another status): local wins.
  if (known.some((k) => k.text === file.text)) return { kind: "keep" };
  return {
    kind: "conflict",
    competing: {
      text: file.text,
      status: file.status,
      by: file.changedBy ?? "",
      at: file.changedAt ?? "",
      source: "import",
    },
  };
}
