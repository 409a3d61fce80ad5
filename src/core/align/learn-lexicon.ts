import type { Bead } from "./dp.ts";
import { foldText, words } from "./normalize-token.ts";

/** The distinct folded words of a sentence (two letters or more). */
export function wordSet(sentence: string): string[] {
  return [...new Set(words(foldText(sentence)).filter((w) => w.length >= 2))];
}

/**
 * Word pairs learned from the texts themselves: within the 1-1 links of a first pass, pairs that
 * occur together at least `minCount` times with a Dice coefficient of at least `minDice`, each word
 * kept with its best partner only (both ways). Words in more than a fifth of the links (and more
 * than 50) are left out: they are function words, and counting their pairs would cost the most.
 * No dictionary: the texts are their own evidence.
 */
export function learnWordPairs(
  sourceWords: readonly string[][],
  targetWords: readonly string[][],
  beads: readonly Bead[],
  minCount = 2,
  minDice = 0.5,
): Array<[string, string]> {
  const ones = beads.filter((b) => b.a === 1 && b.b === 1);
  const cs = new Map<string, number>();
  const ct = new Map<string, number>();
  for (const bead of ones) {
    for (const w of sourceWords[bead.s] ?? []) cs.set(w, (cs.get(w) ?? 0) + 1);
    for (const w of targetWords[bead.t] ?? []) ct.set(w, (ct.get(w) ?? 0) + 1);
  }
  const cap = Math.max(50, ones.length / 5);
  const keep = (counts: Map<string, number>): Map<string, number> => {
    const ids = new Map<string, number>();
    for (const [w, c] of counts) if (c >= minCount && c <= cap) ids.set(w, ids.size);
    return ids;
  };
  const idS = keep(cs);
  const idT = keep(ct);
  const namesS = [...idS.keys()];
  const namesT = [...idT.keys()];
  const pair = new Map<number, number>();
  for (const bead of ones) {
    const ws: number[] = [];
    for (const w of sourceWords[bead.s] ?? []) {
      const id = idS.get(w);
      if (id !== undefined) ws.push(id);
    }
    if (ws.length === 0) continue;
    for (const w of targetWords[bead.t] ?? []) {
      const t = idT.get(w);
      if (t === undefined) continue;
      for (const s of ws) {
        const key = s * namesT.length + t;
        pair.set(key, (pair.get(key) ?? 0) + 1);
      }
    }
  }
  const scored: Array<[string, string, number]> = [];
  for (const [key, c] of pair) {
    if (c < minCount) continue;
    const s = namesS[Math.floor(key / namesT.length)] ?? "";
    const t = namesT[key % namesT.length] ?? "";
    const dice = (2 * c) / ((cs.get(s) ?? 0) + (ct.get(t) ?? 0));
    if (dice >= minDice) scored.push([s, t, dice]);
  }
  scored.sort((x, y) => y[2] - x[2] || (x[0] < y[0] ? -1 : 1) || (x[1] < y[1] ? -1 : 1));
  const usedS = new Set<string>();
  const usedT = new Set<string>();
  const out: Array<[string, string]> = [];
  for (const [s, t] of scored) {
    if (usedS.has(s) || usedT.has(t)) continue;
    usedS.add(s);
    usedT.add(t);
    out.push([s, t]);
  }
  return out;
}
