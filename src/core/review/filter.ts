import type { Status } from "../model/status.ts";
import type { TargetLang } from "../model/languages.ts";
import { compileUserPattern, replaceUserPattern, type UserPattern } from "../text/user-pattern.ts";

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
  /** Per language: only rows whose target has competing versions (a conflict to decide). */
  conflicts?: readonly TargetLang[];
}

export const EMPTY_FILTER: SegmentFilter = {
  status: {},
  query: null,
  openComments: false,
  changedSince: null,
};

export interface FilterRow {
  source: string;
  targets: Partial<
    Record<TargetLang, { text: string; status: Status; changedAt: string; conflict?: boolean }>
  >;
  hasOpenComments: boolean;
}

export function isFilterActive(filter: SegmentFilter): boolean {
  return (
    Object.values(filter.status).some((s) => s && s.length > 0) ||
    (filter.query !== null && filter.query.text !== "") ||
    filter.openComments ||
    filter.changedSince !== null ||
    (filter.conflicts?.length ?? 0) > 0
  );
}

/**
 * The compiled pattern of a text query, on the linear-time engine for user patterns
 * (`core/text/user-pattern.ts`): no query can freeze the page. Whole word uses Unicode
 * letter/number boundaries (so it works for Vietnamese and Indonesian, unlike \b). An invalid
 * regular expression → AppError "filter.badRegex"; lookahead or a backreference →
 * "pattern.unsupported".
 */
export function queryRegExp(query: TextQuery): UserPattern {
  return compileUserPattern(query.text, query.regex, {
    caseSensitive: query.caseSensitive,
    wholeWord: query.wholeWord,
  });
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
    for (const lang of filter.conflicts ?? []) if (!row.targets[lang]?.conflict) return;
    if (filter.openComments && !row.hasOpenComments) return;
    if (filter.changedSince !== null) {
      const since = filter.changedSince;
      if (!Object.values(row.targets).some((t) => t && t.changedAt >= since)) return;
    }
    if (re && filter.query) {
      const hay =
        filter.query.in === "source" ? row.source : (row.targets[filter.query.in]?.text ?? "");
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
    const { text: after, count } = replaceUserPattern(before, re, (match) => {
      if (!query.regex) return replacement;
      const groups = match.groups.slice(1);
      return replacement.replace(/\$(\d{1,2}|&)/g, (m, g: string) =>
        g === "&" ? (match.groups[0] ?? "") : (groups[Number(g) - 1] ?? m),
      );
    });
    if (count > 0 && after !== before) plans.push({ row, before, after, count });
  });
  return plans;
}
