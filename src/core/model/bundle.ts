import type { Lang, TargetLang } from "./languages.ts";
import type { Status } from "./status.ts";
import type { TargetCell } from "../align-edit/types.ts";

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
}

export interface BundleSegment {
  id: string;
  paragraph: number;
  source: string;
  targets: Partial<Record<TargetLang, BundleTarget>>;
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
   * Target columns that are more than one target per row (links over several rows, text with no
   * source, aligner confidences, confirmed links), as cells in order over `segments` (then the rows).
   * A language present here is restored from its cells; the segments' targets of that language are
   * the text of the cell starting at each row, for readers that know only rows.
   */
  alignment?: Partial<Record<TargetLang, BundleCell[]>>;
}

export interface Bundle {
  documents: BundleDocument[];
}
