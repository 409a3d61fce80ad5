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
  for (const lang of langs) {
    const bySource = new Map<string, { key: string; target: string }[]>();
    const byTarget = new Map<string, { key: string; source: string }[]>();
    for (const u of units) {
      const target = squash(u.targets[lang] ?? "");
      if (target === "" || !worthComparing(u.source)) continue;
      const s = squash(u.source);
      bySource.set(s, [...(bySource.get(s) ?? []), { key: u.key, target }]);
      if (worthComparing(target))
        byTarget.set(target, [...(byTarget.get(target) ?? []), { key: u.key, source: u.source }]);
    }
    for (const group of bySource.values()) {
      const variants = [...new Set(group.map((g) => g.target))];
      if (variants.length < 2) continue;
      for (const g of group) {
        const others = variants.filter((v) => v !== g.target);
        out.push({
          key: g.key,
          lang,
          finding: {
            check: "consistency",
            code: "consistency.source",
            severity: "warning",
            params: { count: variants.length, others: others.map((o) => `“${o}”`).join(" · ") },
          },
        });
      }
    }
    for (const [target, group] of byTarget) {
      const sources = [...new Set(group.map((g) => loose(g.source)))];
      if (sources.length < 2) continue;
      for (const g of group) {
        const others = [
          ...new Set(
            group.filter((o) => loose(o.source) !== loose(g.source)).map((o) => squash(o.source)),
          ),
        ];
        out.push({
          key: g.key,
          lang,
          finding: {
            check: "consistency",
            code: "consistency.target",
            severity: "info",
            params: {
              count: sources.length,
              others: others.map((o) => `“${o}”`).join(" · "),
              target,
            },
          },
        });
      }
    }
  }
  return out;
}
