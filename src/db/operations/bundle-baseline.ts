/**
 * The meta key of a document's merge baseline: the export instant (on the other side's clock) of the
 * last file this document was imported or merged from. Written into exports as
 * BundleDocument.baseline, so a file coming back merges three-way (core/merge).
 */
export function baselineKey(docId: string): string {
  return `baseline:${docId}`;
}
