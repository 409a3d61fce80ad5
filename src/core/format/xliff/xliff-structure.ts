import type { TargetLang } from "../../model/languages.ts";

/**
 * How the segments of an XLIFF file sat in it (issue 11 class 4): a 2.0 `<unit>` with several
 * `<segment>`s and `<ignorable>`s between them, an SDLXLIFF trans-unit with several
 * `<mrk mtype="seg">`, `translate="no"`. readXliff gives it; writeXliff2/writeXliff12 take it
 * (options.structure) to write the units back as they came. Segments without a shape are written
 * one unit each, as before.
 */
export interface XliffSegmentShape {
  /** The unit (2.0 `<unit>`, 1.x `<trans-unit>`) id. */
  unit: string;
  /** 0-based position among the unit's segments, and their number. */
  index: number;
  count: number;
  /** The 2.0 `<segment id>` or SDLXLIFF `mid`. */
  segment?: string;
  /**
   * `<ignorable>` elements (their markup) before this segment, and after the unit's last one. An
   * `xml:space` they inherited (from `<file>`, `<unit>`...) is written on their `<source>` and
   * `<target>`: the writers do not write those ancestors' attributes.
   */
  before?: string[];
  after?: string[];
  /**
   * SDLXLIFF/1.x `<seg-source>`: the content before this segment's `<mrk mtype="seg">` (spaces);
   * 2.0: the source content of the `<ignorable>`s before it (what XLIFF 1.2 writes there). Text in
   * Selaras form: inline codes are placeholders, as in a segment. `tail`: the same after the
   * unit's last segment (set on that one).
   */
  gap?: string;
  tail?: string;
  /**
   * The target side of `gap` and `tail`: the 2.0 ignorables' `<target>` content, the 1.x
   * `<target>`'s text outside its marks. They are in `targetLang`, the file's target language as
   * read, and written into a file of that language only (in another, they are not its text); the
   * 2.0 `<ignorable>`s are written without their `<target>` there. Without `targetLang` (the file's
   * targets were not read: a language Selaras has no column for), never.
   */
  gapTarget?: string;
  tailTarget?: string;
  targetLang?: TargetLang;
  /**
   * The 2.0 `<originalData>` the codes of `before` and `after` refer to (`dataRef`, `dataRefStart`,
   * `dataRefEnd`): id → content, written with them (the unit's `<originalData>` is rebuilt from
   * what is written).
   */
  data?: Record<string, string>;
  translate?: "no";
  /** The 2.0 segment state and subState as written. */
  state?: string;
  subState?: string;
}

/** Document id → segment id → shape. */
export type XliffStructure = Map<string, Map<string, XliffSegmentShape>>;
