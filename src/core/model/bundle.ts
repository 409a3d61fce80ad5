import type { Lang, TargetLang } from "./languages.ts";
import type { Status } from "./status.ts";

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

export interface BundleDocument {
  id: string;
  title: string;
  sourceLang: Lang;
  createdAt?: string;
  updatedAt?: string;
  segments: BundleSegment[];
}

export interface Bundle {
  documents: BundleDocument[];
}
