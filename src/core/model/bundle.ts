import type { Lang, TargetLang } from "./languages.ts";
import type { Status } from "./status.ts";
import type { TargetCell } from "../align-edit/types.ts";
import type { CompetingVersion } from "../sync/protocol.ts";
import type { TmxElementMeta, TmxUnitExtras } from "../format/tmx/tmx-extras.ts";

/**
 * The format-neutral shape that writers (TMX, JSON, ...) take and readers give back.
 * It is what leaves and enters the database; nothing in it is tied to Dexie.
 */
export interface BundleTarget {
  text: string;
  status: Status;
  createdBy?: string;
  createdAt?: string;
  changedBy?: string;
  changedAt?: string;
  /** Versions competing with `text` (a sync or import conflict awaiting a decision). */
  competing?: CompetingVersion[];
}

/** A comment of the thread of one segment and target language (records.ts CommentRecord). */
export interface BundleComment {
  id: string;
  author: string;
  at: string;
  text: string;
  /** false once the thread was resolved. */
  open: boolean;
  resolvedBy?: string;
  resolvedAt?: string;
}

/** One entry of a target's revision log (who set which text and status, when, by what action). */
export interface BundleRevision {
  /** The row the target was made for and its language (the cell `${segmentId}:${lang}`). */
  segmentId: string;
  lang: TargetLang;
  /** The cell's id when it is not `${segmentId}:${lang}` (aligned cells). */
  cellId?: string;
  text: string;
  status: Status;
  user: string;
  at: string;
  action: string;
}

export interface BundleSegment {
  id: string;
  paragraph: number;
  source: string;
  targets: Partial<Record<TargetLang, BundleTarget>>;
  /** Comment threads per target language (absent: none). */
  comments?: Partial<Record<TargetLang, BundleComment[]>>;
}

/**
 * One cell of an aligned target column (core/align-edit): it covers `span` source rows (0: target
 * text with no source) from where the spans before it end.
 */
export interface BundleCell
  extends BundleTarget, Pick<TargetCell, "span" | "origin" | "confidence" | "locked"> {}

export interface BundleDocument {
  id: string;
  title: string;
  sourceLang: Lang;
  createdAt?: string;
  updatedAt?: string;
  segments: BundleSegment[];
  /**
   * The instant up to which this file reflects the receiver's data: a local cell changed after it
   * was changed since the file's author saw it (three-way merge, core/merge). An export writes the
   * instant of the file the document was last imported or merged from, else the export instant.
   */
  baseline?: string;
  /** The revision log of the document's targets (Selaras JSON only: a full backup). */
  revisions?: BundleRevision[];
  /**
   * Target columns that are more than one target per row (links over several rows, text with no
   * source, aligner confidences, confirmed links), as cells in order over `segments` (then the rows).
   * A language present here is restored from its cells; the segments' targets of that language are
   * the text of the cell starting at each row, for readers that know only rows.
   */
  alignment?: Partial<Record<TargetLang, BundleCell[]>>;
  /** QA findings dismissed with a reason (Selaras JSON only; core/qa/dismissals.ts). */
  qaDismissals?: BundleQaDismissal[];
  /**
   * What an imported TMX carried beyond the model (header attributes, props, notes, other-language
   * variants; core/format/tmx/tmx-extras.ts), so a JSON backup gives the TMX back as it came.
   */
  tmx?: BundleTmxMeta;
}

/** The kept TMX metadata of one document: its file's header, and per segment id its unit's. */
export interface BundleTmxMeta {
  header?: TmxElementMeta;
  units: Record<string, TmxUnitExtras>;
}

/** A dismissed QA finding: the cell, the finding's code and fingerprint, the reason and stamp. */
export interface BundleQaDismissal {
  segmentId: string;
  lang: TargetLang;
  code: string;
  fingerprint: string;
  reason: string;
  by: string;
  at: string;
}

export interface Bundle {
  documents: BundleDocument[];
}
