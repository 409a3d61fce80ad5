import type { Status } from "../model/status.ts";
import type { TargetLang } from "../model/languages.ts";
import { AppError } from "../model/app-error.ts";

/** How text is matched: plain substring (case-insensitive unless asked), whole words, or a regex. */
export interface TextQuery {
  text: string;
  caseSensitive: boolean;
  wholeWord: boolean;
  regex: boolean;
}

export interface SegmentFilter {
  /** Per language: keep rows whose target has one of these statuses (empty set = any). */
  status: Partial<Record<TargetLang, readonly Status[]>>;
  /** Text to find in the source or a target column. */
  query: (TextQuery & { in: "source" | TargetLang }) | null;
  /** Only rows with an open comment thread. */
  openComments: boolean;
  /** Only rows whose target changed at or after this ISO time. */
  changedSince: string | null;
}

export const EMPTY_FILTER: SegmentFilter = {
  status: {},
  query: null,
  openComments: false,
  changedSince: null,
};

export interface FilterRow {
  source: string;
  targets: Partial<Record<TargetLang, { text: string; status: Status; changedAt: string }>>;
  hasOpenComments: boolean;
}

export function isFilterActive(filter: SegmentFilter): boolean {
  return (
    Object.values(filter.status).some((s) => s && s.length > 0) ||
    (filter.query !== null && filter.query.text !== "") ||
    filter.openComments ||
    filter.changedSince !== null
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A global RegExp for a text query. Whole word uses Unicode letter/number boundaries (so it works for
 * Vietnamese and Indonesian, unlike \b). An invalid regular expression → AppError "filter.badRegex".
 */
export function queryRegExp(query: TextQuery): RegExp {
  const body = query.regex ? query.text : escapeRegExp(query.text);
  const wrapped = query.wholeWord
    ? `(?<![\\p{L}\\p{M}\\p{N}_])(?:${body})(?![\\p{L}\\p{M}\\p{N}_])`
    : body;
  try {
    return new RegExp(wrapped, `gu${query.caseSensitive ? "" : "i"}`);
  } catch {
    throw new AppError("filter.badRegex", { pattern: query.text });
  }
}

/** Indices of the rows that pass the filter, in order. */
export function filterRows(rows: readonly FilterRow[], filter: SegmentFilter): number[] {
  const re = filter.query && filter.query.text !== "" ? queryRegExp(filter.query) : null;
  const statusEntries = Object.entries(filter.status).filter(
    (e): e is [TargetLang, readonly Status[]] => e[1] !== undefined && e[1].length > 0,
  );
  const out: number[] = [];
  rows.forEach((row, i) => {
    for (const [lang, statuses] of statusEntries) {
      if (!statuses.includes(row.targets[lang]?.status ?? "empty")) return;
    }
    if (filter.openComments && !row.hasOpenComments) return;
    if (filter.changedSince !== null) {
      const since = filter.changedSince;
      if (!Object.values(row.targets).some((t) => t && t.changedAt >= since)) return;
    }
    if (re && filter.query) {
      const hay =
        filter.query.in === "source" ? row.source : (row.targets[filter.query.in]?.text ?? "");
      re.lastIndex = 0;
      if (!re.test(hay)) return;
    }
    out.push(i);
  });
  return out;
}

export interface ReplacePlan {
  row: number;
  before: string;
  after: string;
  count: number;
}

/**
 * Every change a find-and-replace would make in one target column (preview first, then apply as one
 * step). In regex mode, the replacement may use $1… groups.
 */
export function planReplace(
  texts: readonly string[],
  query: TextQuery,
  replacement: string,
): ReplacePlan[] {
  if (query.text === "") return [];
  const re = queryRegExp(query);
  const plans: ReplacePlan[] = [];
  texts.forEach((before, row) => {
    let count = 0;
    const after = before.replace(re, (...args: unknown[]) => {
      count++;
      if (!query.regex) return replacement;
      const groups = args.slice(1, -2) as (string | undefined)[];
      return replacement.replace(/\$(\d{1,2}|&)/g, (m, g: string) =>
        g === "&" ? String(args[0]) : (groups[Number(g) - 1] ?? m),
      );
    });
    if (count > 0 && after !== before) plans.push({ row, before, after, count });
  });
  return plans;
}
