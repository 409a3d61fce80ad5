import { foldText } from "../align/normalize-token.ts";
import type { TargetLang } from "../model/languages.ts";
import type { QaFinding } from "./types.ts";

export interface ConsistencyUnit {
  /** Where the unit is (the caller's key: document and segment). */
  key: string;
  source: string;
  targets: Partial<Record<TargetLang, string>>;
}

export interface KeyedFinding {
  key: string;
  lang: TargetLang;
  finding: QaFinding;
}

/** Same text for consistency: one space, no outer spaces, NFC. */
const squash = (t: string) => t.normalize("NFC").replace(/\s+/gu, " ").trim();
/** Sources that differ only in case, punctuation or spacing count as the same sentence. */
const loose = (t: string) =>
  foldText(t)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** A target with something to compare: letters, not only numbers, codes or one short word. */
const worthComparing = (text: string) => (text.match(/\p{L}{2,}/gu) ?? []).length >= 2;

/**
 * Consistency over a project: the same source translated differently (each cell lists the number
 * of variants and the others), and the same target used for different sources.
 */
export function checkConsistency(
  units: readonly ConsistencyUnit[],
  langs: readonly TargetLang[],
): KeyedFinding[] {
  const out: KeyedFinding[] = [];
  // Each text is squashed and folded once; groups are filled in place (linear in the units).
  const squashed = new Map<string, string>();
  const sq = (t: string) => {
    let v = squashed.get(t);
    if (v === undefined) squashed.set(t, (v = squash(t)));
    return v;
  };
  const loosened = new Map<string, string>();
  const lo = (t: string) => {
    let v = loosened.get(t);
    if (v === undefined) loosened.set(t, (v = loose(t)));
    return v;
  };
  for (const lang of langs) {
    const bySource = new Map<string, { key: string; target: string }[]>();
    const byTarget = new Map<string, { key: string; source: string; loose: string }[]>();
    for (const u of units) {
      const target = sq(u.targets[lang] ?? "");
      if (target === "" || !worthComparing(u.source)) continue;
      const s = sq(u.source);
      const sameSource = bySource.get(s);
      if (sameSource) sameSource.push({ key: u.key, target });
      else bySource.set(s, [{ key: u.key, target }]);
      if (worthComparing(target)) {
        const entry = { key: u.key, source: s, loose: lo(u.source) };
        const sameTarget = byTarget.get(target);
        if (sameTarget) sameTarget.push(entry);
        else byTarget.set(target, [entry]);
      }
    }
    for (const group of bySource.values()) {
      const variants = [...new Set(group.map((g) => g.target))];
      if (variants.length < 2) continue;
      // The "others" of every cell with one variant are the same: listed once per variant.
      const othersOf = new Map(
        variants.map((v) => [
          v,
          variants
            .filter((o) => o !== v)
            .map((o) => `“${o}”`)
            .join(" · "),
        ]),
      );
      for (const g of group) {
        out.push({
          key: g.key,
          lang,
          finding: {
            check: "consistency",
            code: "consistency.source",
            severity: "warning",
            params: { count: variants.length, others: othersOf.get(g.target)! },
          },
        });
      }
    }
    for (const [target, group] of byTarget) {
      // The distinct sentences (loosely) and, for each, the first spelling of each other one.
      const spellings = new Map<string, Set<string>>();
      for (const g of group) {
        const set = spellings.get(g.loose);
        if (set) set.add(g.source);
        else spellings.set(g.loose, new Set([g.source]));
      }
      if (spellings.size < 2) continue;
      const othersOf = new Map<string, string>();
      for (const own of spellings.keys()) {
        const others: string[] = [];
        for (const [l, set] of spellings) if (l !== own) others.push(...set);
        othersOf.set(own, others.map((o) => `“${o}”`).join(" · "));
      }
      for (const g of group) {
        out.push({
          key: g.key,
          lang,
          finding: {
            check: "consistency",
            code: "consistency.target",
            severity: "info",
            params: { count: spellings.size, others: othersOf.get(g.loose)!, target },
          },
        });
      }
    }
  }
  return out;
}
