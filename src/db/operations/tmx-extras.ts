import type { SelarasDb } from "../database.ts";
import type { TmxElementMeta, TmxExtras, TmxUnitExtras } from "../../core/format/tmx/tmx-extras.ts";
import type { TmxExtrasRecord } from "../records.ts";
import type { BundleTmxMeta } from "../../core/model/bundle.ts";

const headerKey = (docId: string) => `header:${docId}`;

/**
 * Rows that keep an imported TMX's metadata for the segments of one document. `segmentIds` maps the
 * file's segment ids to the ids they got in the database (they differ when imported as a copy).
 */
export function extrasRows(
  extras: TmxExtras,
  docId: string,
  segmentIds: ReadonlyMap<string, string>,
): TmxExtrasRecord[] {
  const rows: TmxExtrasRecord[] = [];
  if (extras.header) rows.push({ key: headerKey(docId), docId, value: extras.header });
  for (const [fileId, dbId] of segmentIds) {
    const unit = extras.units.get(fileId);
    if (unit) rows.push({ key: dbId, docId, value: unit });
  }
  return rows;
}

/** The kept TMX metadata of some documents, in the shape writeTmx takes back. */
export async function loadExtras(db: SelarasDb, docIds: readonly string[]): Promise<TmxExtras> {
  const rows = await db.tmxExtras
    .where("docId")
    .anyOf([...docIds])
    .toArray();
  const extras: TmxExtras = { header: null, units: new Map() };
  for (const row of rows) {
    if (row.key.startsWith("header:")) {
      // One file has one header: written back only when exactly one document is exported.
      if (docIds.length === 1) extras.header = row.value as TmxElementMeta;
    } else {
      extras.units.set(row.key, row.value as TmxUnitExtras);
    }
  }
  return extras;
}

/**
 * The kept TMX metadata of one document as our JSON carries it (undefined: none), keyed by the
 * database's segment ids, which the JSON backup keeps.
 */
export async function documentTmxMeta(
  db: SelarasDb,
  docId: string,
): Promise<BundleTmxMeta | undefined> {
  const rows = await db.tmxExtras.where("docId").equals(docId).toArray();
  if (rows.length === 0) return undefined;
  const meta: BundleTmxMeta = { units: Object.create(null) as BundleTmxMeta["units"] };
  for (const row of rows) {
    if (row.key === headerKey(docId)) meta.header = row.value as TmxElementMeta;
    else meta.units[row.key] = row.value as TmxUnitExtras;
  }
  return meta;
}
