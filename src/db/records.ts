import type { Lang, TargetLang } from "../core/model/languages.ts";
import type { BundleTarget } from "../core/model/bundle.ts";
import type { Status } from "../core/model/status.ts";
import type { RecordPatch } from "../core/edit/patch.ts";
import type { TmxElementMeta, TmxUnitExtras } from "../core/format/tmx/tmx-extras.ts";

/** What caused a revision of a target. */
export type RevisionAction =
  | "edit"
  | "confirm"
  | "approve"
  | "reject"
  | "reopen"
  | "restore"
  | "undo"
  | "redo"
  | "replace"
  | "import";

/** One entry of the append-only revision log: the state of a target after a change. */
export interface RevisionRecord {
  id?: number;
  translationId: string;
  segmentId: string;
  docId: string;
  lang: TargetLang;
  text: string;
  status: Status;
  user: string;
  at: string;
  action: RevisionAction;
}

/** One undoable command of a document's history (persisted, so undo survives a reload). */
export interface HistoryRecord {
  seq?: number;
  docId: string;
  label: string;
  /** A key that lets successive typing in one cell merge into one step. */
  mergeKey: string | null;
  patches: RecordPatch[];
  undone: 0 | 1;
  user: string;
  at: string;
}

/** TMX metadata kept from an import, written back on export (see core/format/tmx/tmx-extras.ts). */
export interface TmxExtrasRecord {
  key: string;
  docId: string;
  value: TmxUnitExtras | TmxElementMeta;
}

/** One unit of the project's translation memory (imported from a TM file). */
export interface MemoryUnitRecord {
  id?: number;
  /** matchKey(source): NFC, white space folded. */
  key: string;
  sourceLang: Lang;
  source: string;
  targets: Partial<Record<TargetLang, BundleTarget>>;
  /** The file it came from. */
  origin: string;
  importedAt: string;
}
