/**
 * The `<prop type>` values Selaras writes (TMX asks tools to publish unregistered types with an
 * `x-` prefix). Published in the README (translation memory formats) as the spec asks.
 */
export const TMX_PROPS = {
  /** On a target `<tuv>`: the review status of that translation (draft, translated, ...). */
  status: "x-status",
  /** On a `<tu>`: the title of the document the segment belongs to. */
  document: "x-document",
  /** On a `<tu>`: the id of that document. */
  documentId: "x-document-id",
  /** On a `<tu>`: 0-based paragraph index of the segment in its document. */
  paragraph: "x-paragraph",
  /**
   * On a `<tu>`: the instant up to which the file reflects the data of whoever imports it back
   * (BundleDocument.baseline), for a cell-by-cell three-way merge.
   */
  baseline: "x-document-baseline",
} as const;

/** Written as the header's o-tmf ("original translation memory format"). */
export const TMX_O_TMF = "Selaras JSON";

/** A `srclang` meaning "any `<tuv>` may be the source" (header, or tu as some tools write it). */
export const ALL_LANGS = "*all*";
