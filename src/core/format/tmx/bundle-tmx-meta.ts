import type { Bundle, BundleTmxMeta } from "../../model/bundle.ts";
import type { TmxElementMeta, TmxExtras } from "./tmx-extras.ts";

/**
 * A copy of the bundle whose documents carry the TMX metadata read with them (header, and each
 * unit's by segment id), so a writer with no separate channel for it (our JSON) keeps it.
 */
export function withTmxMeta(bundle: Bundle, extras: TmxExtras | null | undefined): Bundle {
  if (!extras || (extras.header === null && extras.units.size === 0)) return bundle;
  return {
    documents: bundle.documents.map((doc) => {
      const units: BundleTmxMeta["units"] = Object.create(null) as BundleTmxMeta["units"];
      for (const seg of doc.segments) {
        const unit = extras.units.get(seg.id);
        if (unit) units[seg.id] = unit;
      }
      const header = extras.header ?? doc.tmx?.header;
      const merged = Object.assign(
        Object.create(null) as BundleTmxMeta["units"],
        doc.tmx?.units,
        units,
      );
      if (!header && Object.keys(merged).length === 0) return doc;
      return { ...doc, tmx: { ...(header ? { header } : {}), units: merged } };
    }),
  };
}

/**
 * The TMX metadata a bundle's documents carry, in the shape writeTmx takes (null: none). A TMX
 * has one header: written when every document that has one has the same.
 */
export function tmxExtrasOf(bundle: Bundle): TmxExtras | null {
  const extras: TmxExtras = { header: null, units: new Map() };
  let header: TmxElementMeta | null = null;
  let headerKey: string | null = null;
  let headersDiffer = false;
  for (const doc of bundle.documents) {
    if (!doc.tmx) continue;
    if (doc.tmx.header) {
      const key = JSON.stringify(doc.tmx.header);
      if (headerKey === null) {
        header = doc.tmx.header;
        headerKey = key;
      } else if (key !== headerKey) headersDiffer = true;
    }
    for (const [id, unit] of Object.entries(doc.tmx.units)) extras.units.set(id, unit);
  }
  if (header && !headersDiffer) extras.header = header;
  return extras.header === null && extras.units.size === 0 ? null : extras;
}
