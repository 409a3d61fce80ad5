import type { Quantity } from "../read-numbers.ts";
import { readQuantities } from "../read-numbers.ts";
import type { CellInput, QaFinding } from "../types.ts";

function shares(a: Quantity, b: Quantity): boolean {
  return a.readings.some((r) => b.readings.includes(r));
}

/** Maximum matching of source to target quantities that may be equal (Kuhn's augmenting paths). */
function match(source: readonly Quantity[], target: readonly Quantity[]): (number | -1)[] {
  const ofTarget: number[] = target.map(() => -1);
  const edges = source.map((s) => target.flatMap((t, j) => (shares(s, t) ? [j] : [])));
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (ofTarget[j] === -1 || tryAssign(ofTarget[j]!, seen)) {
        ofTarget[j] = i;
        return true;
      }
    }
    return false;
  };
  // Hard source quantities first, so a soft one never takes a target a hard one needs.
  const order = source
    .map((_, i) => i)
    .sort((a, b) => Number(source[b]!.hard) - Number(source[a]!.hard));
  for (const i of order)
    tryAssign(
      i,
      target.map(() => false),
    );
  const ofSource: (number | -1)[] = source.map(() => -1);
  ofTarget.forEach((i, j) => {
    if (i >= 0) ofSource[i] = j;
  });
  return ofSource;
}

/**
 * Numbers by value: each number of the source (numerals, number words, times, scaled amounts) is
 * in the target with the same value, however the target's language writes it, and the target adds
 * none. A value written once in one text and twice in the other is not reported (a translation may
 * repeat or merge a figure); neither is a word that is often not a number (soft quantities).
 */
export function checkNumbers(input: CellInput): QaFinding[] {
  const source = readQuantities(input.source, input.sourceLang);
  const target = readQuantities(input.target, input.lang);
  if (source.length === 0 && target.length === 0) return [];
  const ofSource = match(source, target);
  const matchedTargets = new Set(ofSource.filter((j) => j >= 0));
  const missing = source.filter(
    (s, i) => s.hard && ofSource[i] === -1 && !target.some((t) => shares(s, t)),
  );
  const extra = target.filter(
    (t, j) => t.hard && !matchedTargets.has(j) && !source.some((s) => shares(s, t)),
  );
  if (missing.length === 1 && extra.length === 1) {
    const [s, t] = [missing[0]!, extra[0]!];
    return [
      {
        check: "numbers",
        code: "number.mismatch",
        severity: "error",
        params: { source: s.raw, target: t.raw },
        range: { start: t.start, end: t.end },
        sourceRange: { start: s.start, end: s.end },
      },
    ];
  }
  return [
    ...missing.map((s): QaFinding => ({
      check: "numbers",
      code: "number.missing",
      severity: "error",
      params: { value: s.raw },
      sourceRange: { start: s.start, end: s.end },
    })),
    ...extra.map((t): QaFinding => ({
      check: "numbers",
      code: "number.extra",
      severity: "error",
      params: { value: t.raw },
      range: { start: t.start, end: t.end },
    })),
  ];
}
