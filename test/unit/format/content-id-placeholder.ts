/**
 * A document id derived from a file's content (core/format/content-id.ts) is a hash no one can
 * write by hand: golden files say "(content)" instead, and this maps such ids to that word. The
 * derivation itself is tested in content-id.test.ts.
 */
export const CONTENT_ID = "(content)";
const DERIVED = /^(tmx|xliff|table)-[0-9a-f]{16}$/;

export function withContentIdPlaceholder<T extends { documents: { id: string }[] }>(bundle: T): T {
  return {
    ...bundle,
    documents: bundle.documents.map((d) => (DERIVED.test(d.id) ? { ...d, id: CONTENT_ID } : d)),
  };
}
