import type { CellInput, QaFinding } from "../types.ts";

const LEAD = /^[ \t\u00A0]+/u;
const TRAIL = /[ \t\u00A0]+$/u;

/**
 * Spaces: leading or trailing spaces the source does not have (or lacks them where the source has
 * them, as segment joins rely on them), and double spaces inside the target.
 */
export function checkSpaces(input: CellInput): QaFinding[] {
  const { source, target } = input;
  if (target.trim() === "") return [];
  const out: QaFinding[] = [];
  const lead = LEAD.exec(target)?.[0].length ?? 0;
  const trail = TRAIL.exec(target)?.[0].length ?? 0;
  if (lead > 0 !== LEAD.test(source)) {
    out.push({
      check: "spaces",
      code: "space.leading",
      severity: "warning",
      params: {},
      ...(lead > 0 ? { range: { start: 0, end: lead } } : {}),
    });
  }
  if (trail > 0 !== TRAIL.test(source)) {
    out.push({
      check: "spaces",
      code: "space.trailing",
      severity: "warning",
      params: {},
      ...(trail > 0 ? { range: { start: target.length - trail, end: target.length } } : {}),
    });
  }
  const inner = target.slice(lead, target.length - trail);
  for (const m of inner.matchAll(/[ \u00A0]{2,}/gu)) {
    out.push({
      check: "spaces",
      code: "space.double",
      severity: "warning",
      params: {},
      range: { start: lead + m.index, end: lead + m.index + m[0].length },
    });
  }
  return out;
}
