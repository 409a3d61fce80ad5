import type { Lang, TargetLang } from "../core/model/languages.ts";
import type { BundleTarget } from "../core/model/bundle.ts";
import type { Status } from "../core/model/status.ts";
import type { RecordPatch } from "../core/edit/patch.ts";
import type { TmxElementMeta, TmxUnitExtras } from "../core/format/tmx/tmx-extras.ts";
import type { Mutation, ProjectRole } from "../core/sync/protocol.ts";

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
  /** A random id by which the revision travels between team members (documents shared only). */
  uid?: string;
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
  /** A random id by which the unit travels between team members (added while in a project). */
  uid?: string;
}

/**
 * A cell's text typed and not yet saved, as the autosave journals it in IndexedDB at once
 * (autosave.ts `PendingEdit`, with the tab journal it belongs to): `id` is `<journal>|<cell key>`.
 */
export interface PendingEditRecord {
  id: string;
  journal: string;
  segmentId: string;
  lang: TargetLang;
  cellId?: string;
  under?: boolean;
  text: string;
  user: string;
  at: string;
  confirm?: boolean;
  seen?: string[];
}

/** A command on a shared document (or project memory) waiting to be pushed, oldest seq first. */
export interface OutboxRecord {
  seq?: number;
  projectId: string;
  mutation: Mutation;
  /** 1 once a push carrying it started: it is never amended after that (a resend is idempotent). */
  sent?: 0 | 1;
  /** A typing burst's key: the next edit of the burst joins this entry while it is unsent. */
  mergeKey?: string | null;
}

/** One joined team project: who we are in it and how far sync has got. */
export interface SyncStateRecord {
  projectId: string;
  name: string;
  role: ProjectRole;
  /** For a translator limited to some languages; null = all. */
  langs: TargetLang[] | null;
  /** The project version seen by the last pull (0 = nothing yet). */
  cursor: number;
  /** The highest mutation id the server acknowledged. */
  lastMutationId: number;
  /** The id the next queued mutation gets (1, 2, 3 … per client and project). */
  nextMutationId: number;
}
