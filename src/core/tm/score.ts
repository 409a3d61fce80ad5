import { editDistance, similarity } from "./distance.ts";
import { realKeys, sameList } from "./prepare.ts";
import type { Prepared } from "./prepare.ts";
import { substituteNumbers } from "./substitute.ts";
import { PENALTY_POINTS } from "./types.ts";
import type { Penalty, TmMatch, TmUnit } from "./types.ts";

/** A query ready to score: its prepared source and, for in-context matches, its neighbours. */
export interface PreparedQuery {
  p: Prepared;
  real: string[];
  prev?: string;
  next?: string;
}

export interface PreparedUnit {
  unit: TmUnit;
  p: Prepared;
}

function contextKey(text: string | undefined): string {
  return (text ?? "").normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Scores one unit against a query, given the distance over the index keys (numbers as "#", codes
 * as one key). The final score never exceeds `similarity(n, m, genericDistance)`, which is what
 * the index filters on, so filtering by it loses no match.
 */
export function scoreUnit(q: PreparedQuery, u: PreparedUnit, genericDistance: number): TmMatch {
  const n = q.p.keys.length;
  const m = u.p.keys.length;
  const penalties: Penalty[] = [];
  const numbersDiffer = !sameList(q.p.numbers, u.p.numbers);
  let base: number;
  let substituted: Record<string, string> | undefined;
  let exact = false;
  if (!numbersDiffer) {
    base = similarity(n, m, genericDistance);
    exact = genericDistance === 0;
  } else {
    base = similarity(n, m, editDistance(q.real, realKeys(u.p)));
    if (genericDistance === 0) {
      // Only numbers differ: offer the unit with the query's numbers in its targets.
      // A value that becomes two different numbers (also: one kept, one changed, as "100 … 100"
      // → "120 … 100") cannot be replaced by value in a target: no substitution then.
      const pairs = new Map<string, string>();
      const kept = new Set<string>();
      const grouped = new Map<string, boolean>();
      let consistent = true;
      for (let i = 0; i < u.p.numbers.length; i++) {
        const from = u.p.numbers[i]!;
        const to = q.p.numbers[i]!;
        if (from === to) {
          if (pairs.has(from)) consistent = false;
          kept.add(from);
          continue;
        }
        const known = pairs.get(from);
        if ((known !== undefined && known !== to) || kept.has(from)) consistent = false;
        pairs.set(from, to);
        grouped.set(to, /[.,\u00A0\u202F'’]\d{3}(?!\d)/u.test(q.p.numberRaw[i]!));
      }
      const targets: Record<string, string> = {};
      for (const [lang, text] of Object.entries(u.unit.targets)) {
        const s = consistent ? substituteNumbers(text, lang, pairs, grouped) : null;
        if (s === null) {
          consistent = false;
          break;
        }
        targets[lang] = s;
      }
      if (consistent) {
        substituted = targets;
        base = 100;
      }
    }
    penalties.push({ kind: "numbers", points: PENALTY_POINTS.numbers });
  }
  const inContext =
    exact &&
    !numbersDiffer &&
    q.prev !== undefined &&
    q.next !== undefined &&
    u.unit.prev !== undefined &&
    u.unit.next !== undefined &&
    contextKey(q.prev) === contextKey(u.unit.prev) &&
    contextKey(q.next) === contextKey(u.unit.next);
  if (inContext) base = 101;
  if (!sameList(q.p.codes, u.p.codes))
    penalties.push({ kind: "codes", points: PENALTY_POINTS.codes });
  if (u.unit.fromAligner) penalties.push({ kind: "aligner", points: PENALTY_POINTS.aligner });
  if (u.unit.approved === false)
    penalties.push({ kind: "unapproved", points: PENALTY_POINTS.unapproved });
  const score = Math.max(0, base - penalties.reduce((s, p) => s + p.points, 0));
  return {
    unit: u.unit,
    score,
    base,
    penalties,
    exact: exact && !numbersDiffer,
    inContext,
    ...(substituted ? { substituted } : {}),
  };
}

/** Best first: higher score, then higher base, then the unit added first. */
export function compareMatches(
  a: { match: TmMatch; order: number },
  b: { match: TmMatch; order: number },
): number {
  return b.match.score - a.match.score || b.match.base - a.match.base || a.order - b.order;
}
