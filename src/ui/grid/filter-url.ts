import { EMPTY_FILTER, type SegmentFilter } from "../../core/review/filter.ts";
import { isStatus, type Status } from "../../core/model/status.ts";
import { TARGET_LANGS, isTargetLang, type TargetLang } from "../../core/model/languages.ts";

/**
 * Filters live in the URL (bookmarkable views): `vi=draft,translated&en=empty&q=text&in=vi&case=1
 * &word=1&re=1&comments=1&since=2026-01-31`. Unknown or malformed values are dropped.
 */
export function filterFromParams(params: URLSearchParams): SegmentFilter {
  const status: SegmentFilter["status"] = {};
  const conflicts: TargetLang[] = [];
  for (const lang of TARGET_LANGS) {
    const values = (params.get(lang) ?? "").split(",");
    const list = values.filter((s): s is Status => isStatus(s));
    if (list.length > 0) status[lang] = list;
    if (values.includes("conflict")) conflicts.push(lang);
  }
  // NFC, as stored text is (a bookmarked query may come decomposed).
  const text = (params.get("q") ?? "").normalize("NFC");
  const where = params.get("in") ?? "source";
  const since = params.get("since");
  // The "In" choice and the Aa / W / .* toggles stay while the box is empty (issue 13 item 12).
  const options = ["in", "case", "word", "re"].some((k) => params.has(k));
  return {
    status,
    query:
      text === "" && !options
        ? null
        : {
            text,
            in: where === "source" || isTargetLang(where) ? where : "source",
            caseSensitive: params.get("case") === "1",
            wholeWord: params.get("word") === "1",
            regex: params.get("re") === "1",
          },
    openComments: params.get("comments") === "1",
    changedSince: since && /^\d{4}-\d{2}-\d{2}/.test(since) ? since : null,
    ...(conflicts.length > 0 ? { conflicts } : {}),
  };
}

export function filterToParams(filter: SegmentFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const lang of TARGET_LANGS) {
    const list = [
      ...(filter.status[lang] ?? []),
      ...(filter.conflicts?.includes(lang) ? ["conflict"] : []),
    ];
    if (list.length > 0) params.set(lang, list.join(","));
  }
  if (filter.query) {
    if (filter.query.text !== "") params.set("q", filter.query.text);
    if (filter.query.text !== "" || filter.query.in !== "source") params.set("in", filter.query.in);
    if (filter.query.caseSensitive) params.set("case", "1");
    if (filter.query.wholeWord) params.set("word", "1");
    if (filter.query.regex) params.set("re", "1");
  }
  if (filter.openComments) params.set("comments", "1");
  if (filter.changedSince) params.set("since", filter.changedSince);
  return params;
}

export { EMPTY_FILTER };
