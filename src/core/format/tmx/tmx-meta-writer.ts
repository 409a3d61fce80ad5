import { xmlAttr, xmlText } from "../xml/escape-xml.ts";
import type { TmxAnnotation, TmxElementMeta } from "./tmx-extras.ts";

/**
 * Writes metadata kept from a foreign TMX (see tmx-extras.ts) back as DTD-valid markup: only the
 * attributes the TMX 1.4b DTD declares for the element are written, so a file that came in with
 * invalid attributes cannot make our export invalid.
 */
const COMMON = [
  "o-encoding",
  "datatype",
  "usagecount",
  "lastusagedate",
  "creationtool",
  "creationtoolversion",
  "creationdate",
  "creationid",
  "changedate",
  "changeid",
  "o-tmf",
];
const ALLOWED: Record<string, readonly string[]> = {
  tu: [...COMMON, "segtype"],
  tuv: COMMON,
  note: ["o-encoding", "xml:lang"],
  prop: ["type", "xml:lang", "o-encoding"],
};
const SEGTYPES = new Set(["block", "paragraph", "sentence", "phrase"]);

export interface AnnotationFilter {
  notes: boolean;
  props: boolean;
}

/** ` name="value"` pairs for the allowed attributes of `element` not in `skip`. */
export function metaAttrs(
  element: string,
  attrs: Record<string, string>,
  skip: readonly string[] = [],
): string {
  let out = "";
  for (const name of ALLOWED[element] ?? []) {
    const value = attrs[name];
    if (value === undefined || skip.includes(name)) continue;
    if (name === "segtype" && !SEGTYPES.has(value)) continue;
    out += xmlAttr(name, value);
  }
  return out;
}

function annotation(a: TmxAnnotation): string {
  return `<${a.kind}${metaAttrs(a.kind, a.attrs)}>${xmlText(a.text)}</${a.kind}>`;
}

/** The notes and props of `meta` allowed by `filter`, each prefixed by `indent`. */
export function metaAnnotations(
  meta: TmxElementMeta | undefined,
  filter: AnnotationFilter,
  indent: string,
): string[] {
  if (!meta) return [];
  const out: string[] = [];
  for (const a of meta.annotations) {
    if (a.kind === "note" ? !filter.notes : !filter.props) continue;
    if (a.kind === "prop" && !a.attrs["type"]) continue;
    out.push(indent + annotation(a));
  }
  return out;
}
