import type { Lang } from "../../model/languages.ts";

/**
 * What a TMX carries beyond the Bundle model: other attributes, notes and props, and variants in
 * languages Selaras has no column for. readTmxWithReport collects it; writeTmx writes it back
 * (options.extras), so TMX → Selaras → TMX keeps a foreign file's metadata.
 */
export interface TmxAnnotation {
  kind: "note" | "prop";
  /** Attributes as in the file (type, xml:lang, o-encoding). */
  attrs: Record<string, string>;
  text: string;
}

export interface TmxElementMeta {
  /**
   * Attributes Selaras does not map itself (usagecount, o-tmf, datatype, ...). On a kept tuv,
   * `xml:lang` is the tag as written when it is not the column's code (`en-US` for en); on the tu,
   * `srclang` as written; on the header, all its attributes (segtype, o-tmf, adminlang, srclang,
   * datatype, ...), written back except the creation tool and date of the new file.
   */
  attrs: Record<string, string>;
  /** Notes and props in file order, minus the x- props Selaras writes itself. */
  annotations: TmxAnnotation[];
  /** The header's `<ude>` elements (user-defined encodings) with their `<map>`s, as written. */
  udes?: TmxUde[];
}

export interface TmxUde {
  attrs: Record<string, string>;
  maps: Record<string, string>[];
}

/** A `<tuv>` the Bundle has no place for: another language, a duplicate, a regional twin of the source. */
export interface TmxOtherVariant {
  /** The language tag as written (e.g. "fr-CA"). */
  tag: string;
  /** Segment text, inline codes as placeholders. */
  text: string;
  meta: TmxElementMeta;
}

export interface TmxUnitExtras {
  tu: TmxElementMeta;
  /** Metadata of the source and target tuvs kept in the Bundle. */
  variants: Partial<Record<Lang, TmxElementMeta>>;
  others: TmxOtherVariant[];
}

export interface TmxExtras {
  header: TmxElementMeta | null;
  /** By segment id; only units that carry something. */
  units: Map<string, TmxUnitExtras>;
}

export function emptyMeta(): TmxElementMeta {
  return { attrs: {}, annotations: [] };
}

/**
 * The targets of a file read in a language Selaras has no column for (an XLIFF into German), by
 * segment id, as other-language variants: written back to TMX and JSON like a TMX's own (null when
 * there are none).
 */
export function otherTargetsAsExtras(
  tag: string,
  texts: ReadonlyMap<string, string>,
): TmxExtras | null {
  if (texts.size === 0) return null;
  const units = new Map<string, TmxUnitExtras>();
  for (const [id, text] of texts)
    units.set(id, { tu: emptyMeta(), variants: {}, others: [{ tag, text, meta: emptyMeta() }] });
  return { header: null, units };
}
