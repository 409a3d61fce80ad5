/** A word-level diff part: text kept, added or removed. */
export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** Words and the spaces between them, so joining the tokens gives the text back. */
export function diffTokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{M}\p{N}_'’-]+|[^\s\p{L}\p{M}\p{N}_'’-]/gu) ?? [];
}

/**
 * Word-level diff (longest common subsequence over word tokens). Joining the "same" and "removed"
 * parts gives `before`; joining "same" and "added" gives `after`. O(n·m) in tokens, fine for segments;
 * very long texts fall back to one removed + one added part.
 */
export function wordDiff(before: string, after: string, maxCells = 4_000_000): DiffPart[] {
  const a = diffTokens(before);
  const b = diffTokens(after);
  if (a.length * b.length > maxCells) {
    return [
      ...(before ? [{ kind: "removed", text: before } as const] : []),
      ...(after ? [{ kind: "added", text: after } as const] : []),
    ];
  }
  const n = a.length;
  const m = b.length;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push("same", a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) {
      push("removed", a[i++]!);
    } else {
      push("added", b[j++]!);
    }
  }
  while (i < n) push("removed", a[i++]!);
  while (j < m) push("added", b[j++]!);
  return parts;
}
