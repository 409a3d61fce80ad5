import type { AlignLink } from "./types.ts";

/**
 * Puts links that together cover both texts into monotone order: links with source sentences in
 * source order, and each target-only link just before the first link with a later target.
 */
export function orderLinks(links: readonly AlignLink[]): AlignLink[] {
  const withSource = links
    .filter((l) => l.source.length > 0)
    .sort((x, y) => (x.source[0] ?? 0) - (y.source[0] ?? 0));
  const targetOnly = links
    .filter((l) => l.source.length === 0)
    .sort((x, y) => (x.target[0] ?? 0) - (y.target[0] ?? 0));
  const out: AlignLink[] = [];
  let k = 0;
  for (const link of withSource) {
    const first = link.target[0];
    if (first !== undefined) {
      while (k < targetOnly.length && (targetOnly[k]?.target[0] ?? 0) < first) {
        const pending = targetOnly[k++];
        if (pending) out.push(pending);
      }
    }
    out.push(link);
  }
  while (k < targetOnly.length) {
    const pending = targetOnly[k++];
    if (pending) out.push(pending);
  }
  return out;
}
