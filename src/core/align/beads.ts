import type { AlignLink } from "./types.ts";

/** One link as a bead line, the benchmark format: `[0]:[0, 1]`, `[]:[3]`. */
export function formatBead(link: Pick<AlignLink, "source" | "target">): string {
  return `[${link.source.join(", ")}]:[${link.target.join(", ")}]`;
}

/** Parses bead lines (blank lines ignored). Returns null for a line that is not a bead. */
export function parseBeads(text: string): Array<{ source: number[]; target: number[] }> | null {
  const out: Array<{ source: number[]; target: number[] }> = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    const m = /^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]$/.exec(line);
    if (!m) return null;
    const ids = (s: string): number[] =>
      s.trim() === "" ? [] : s.split(",").map((x) => Number.parseInt(x.trim(), 10));
    out.push({ source: ids(m[1] ?? ""), target: ids(m[2] ?? "") });
  }
  return out;
}
