import { EMPTY_FILTER, type SegmentFilter } from "../../core/review/filter.ts";
import { isStatus, type Status } from "../../core/model/status.ts";
import { TARGET_LANGS, isTargetLang } from "../../core/model/languages.ts";

/**
 * Filters live in the URL (bookmarkable views): `vi=draft,translated&en=empty&q=text&in=vi&case=1
 * &word=1&re=1&comments=1&since=2026-01-31`. Unknown or malformed values are dropped.
 */
export function filterFromParams(params: URLSearchParams): SegmentFilter {
  const status: SegmentFilter["status"] = {};
  for (const lang of TARGET_LANGS) {
    const list = (params.get(lang) ?? "").split(",").filter((s): s is Status => isStatus(s));
    if (list.length > 0) status[lang] = list;
  }
  // NFC, as stored text is (a bookmarked query may come decomposed).
  const text = (params.get("q") ?? "").normalize("NFC");
  const where = params.get("in") ?? "source";
  const since = params.get("since");
  return {
    status,
    query:
      text === ""
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
  };
}

export function filterToParams(filter: SegmentFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const lang of TARGET_LANGS) {
    const list = filter.status[lang];
    if (list && list.length > 0) params.set(lang, list.join(","));
  }
  if (filter.query && filter.query.text !== "") {
    params.set("q", filter.query.text);
    params.set("in", filter.query.in);
    if (filter.query.caseSensitive) params.set("case", "1");
    if (filter.query.wholeWord) params.set("word", "1");
    if (filter.query.regex) params.set("re", "1");
  }
  if (filter.openComments) params.set("comments", "1");
  if (filter.changedSince) params.set("since", filter.changedSince);
  return params;
}

export { EMPTY_FILTER };
