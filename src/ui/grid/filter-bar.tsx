import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { STATUSES, type Status } from "../../core/model/status.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { EMPTY_FILTER, isFilterActive, type SegmentFilter } from "../../core/review/filter.ts";
import { isComposing, nfcField } from "../shared/nfc-field.ts";
import { qaFilterFrom, type QaFilter } from "../qa/qa-filter.ts";

export interface FilterBarProps {
  filter: SegmentFilter;
  langs: readonly TargetLang[];
  onChange: (filter: SegmentFilter) => void;
  shown: number;
  total: number;
  /** "Has QA errors" / "has QA warnings" (kept in the address beside the filter). */
  qa?: QaFilter | null;
  onQaChange?: (qa: QaFilter | null) => void;
  /** Clears every filter, QA's too (default: the filter only). */
  onClear?: () => void;
}

/** Filters over the grid: status per language, text, open comments, changed since. State is in the URL. */
export function FilterBar(props: FilterBarProps) {
  const { filter, langs, onChange, shown, total, qa = null, onQaChange, onClear } = props;
  const { t } = useTranslation(["grid", "common", "handoff"]);
  const query = filter.query ?? {
    text: "",
    in: "source" as const,
    caseSensitive: false,
    wholeWord: false,
    regex: false,
  };
  const setQuery = (patch: Partial<typeof query>) =>
    onChange({ ...filter, query: { ...query, ...patch } });
  const setStatus = (lang: TargetLang, value: string) => {
    const status = { ...filter.status };
    const conflicts = (filter.conflicts ?? []).filter((l) => l !== lang);
    delete status[lang];
    if (value === "conflict") conflicts.push(lang);
    else if (value === "awaiting") status[lang] = ["translated"];
    else if (value === "unfinished") status[lang] = ["empty", "draft", "rejected"];
    else if (value !== "") status[lang] = [value as Status];
    onChange({ ...filter, status, conflicts });
  };
  const statusValue = (lang: TargetLang) => {
    if (filter.conflicts?.includes(lang)) return "conflict";
    const list = filter.status[lang];
    if (!list || list.length === 0) return "";
    if (
      list.length === 3 &&
      ["empty", "draft", "rejected"].every((s) => list.includes(s as Status))
    )
      return "unfinished";
    return list[0] ?? "";
  };

  const moreSet = (filter.openComments ? 1 : 0) + (filter.changedSince ? 1 : 0) + (qa ? 1 : 0);
  const [moreOpen, setMoreOpen] = useState(moreSet > 0);
  const moreId = useId();

  return (
    <div className="filter-bar" role="search" aria-label={t("grid:filter.label")}>
      {langs.map((lang) => (
        <label key={lang} className="filter-field">
          <span>{t(`common:lang.${lang}`)}</span>
          <select
            data-testid={`filter-status-${lang}`}
            value={statusValue(lang)}
            onChange={(e) => setStatus(lang, e.target.value)}
          >
            <option value="">{t("grid:filter.anyStatus")}</option>
            <option value="unfinished">{t("grid:filter.unfinished")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`common:status.${s}`)}
              </option>
            ))}
            <option value="conflict">{t("handoff:conflict.status")}</option>
          </select>
        </label>
      ))}
      <label className="filter-field grow">
        <span>{t("grid:filter.find")}</span>
        <input
          type="search"
          data-testid="filter-text"
          value={query.text}
          placeholder={t("grid:filter.findPlaceholder")}
          onChange={(e) => setQuery({ text: nfcField(e.target, isComposing(e)) })}
          onCompositionEnd={(e) => setQuery({ text: nfcField(e.currentTarget) })}
        />
      </label>
      <label className="filter-field">
        <span>{t("grid:filter.in")}</span>
        <select
          data-testid="filter-in"
          value={query.in}
          onChange={(e) => setQuery({ in: e.target.value as typeof query.in })}
        >
          <option value="source">{t("grid:filter.inSource")}</option>
          {langs.map((lang) => (
            <option key={lang} value={lang}>
              {t(`common:lang.${lang}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="toggle-group" role="group" aria-label={t("grid:filter.options")}>
        <label className="toggle" title={t("grid:filter.caseSensitive")}>
          <input
            type="checkbox"
            checked={query.caseSensitive}
            onChange={(e) => setQuery({ caseSensitive: e.target.checked })}
          />
          <span aria-hidden="true">Aa</span>
          <span className="visually-hidden">{t("grid:filter.caseSensitive")}</span>
        </label>
        <label className="toggle" title={t("grid:filter.wholeWord")}>
          <input
            type="checkbox"
            checked={query.wholeWord}
            onChange={(e) => setQuery({ wholeWord: e.target.checked })}
          />
          <span aria-hidden="true">W</span>
          <span className="visually-hidden">{t("grid:filter.wholeWord")}</span>
        </label>
        <label className="toggle" title={t("grid:filter.regex")}>
          <input
            type="checkbox"
            checked={query.regex}
            onChange={(e) => setQuery({ regex: e.target.checked })}
          />
          <span aria-hidden="true">.*</span>
          <span className="visually-hidden">{t("grid:filter.regex")}</span>
        </label>
      </div>
      {/* The filters used less often fold away, so the bar keeps to one line; set ones are counted. */}
      <div className="filter-more">
        <button
          type="button"
          className="filter-more-toggle"
          data-testid="filter-more"
          aria-expanded={moreOpen}
          aria-controls={moreOpen ? moreId : undefined}
          onClick={() => setMoreOpen((o) => !o)}
        >
          <span aria-hidden="true">{moreOpen ? "▾" : "▸"}</span>{" "}
          {moreSet > 0 ? t("grid:filter.moreSet", { count: moreSet }) : t("grid:filter.more")}
        </button>
        {moreOpen && (
          <div className="filter-more-body" id={moreId}>
            <label className="filter-field checkbox">
              <input
                type="checkbox"
                data-testid="filter-comments"
                checked={filter.openComments}
                onChange={(e) => onChange({ ...filter, openComments: e.target.checked })}
              />
              {t("grid:filter.openComments")}
            </label>
            <label className="filter-field">
              <span>{t("grid:filter.changedSince")}</span>
              <input
                type="date"
                data-testid="filter-since"
                value={filter.changedSince?.slice(0, 10) ?? ""}
                onChange={(e) => onChange({ ...filter, changedSince: e.target.value || null })}
              />
            </label>
            {onQaChange && (
              <label className="filter-field">
                <span>{t("grid:filter.qa")}</span>
                <select
                  data-testid="filter-qa"
                  value={qa ?? ""}
                  onChange={(e) => onQaChange(qaFilterFrom(e.target.value))}
                >
                  <option value="">{t("grid:filter.qaAny")}</option>
                  <option value="error">{t("grid:filter.qaErrors")}</option>
                  <option value="warning">{t("grid:filter.qaWarnings")}</option>
                </select>
              </label>
            )}
          </div>
        )}
      </div>
      <span className="filter-count" data-testid="filter-count" role="status">
        {t("grid:filter.count", { shown, total })}
      </span>
      {(isFilterActive(filter) || qa !== null) && (
        <button
          type="button"
          data-testid="filter-clear"
          onClick={() => (onClear ? onClear() : onChange(EMPTY_FILTER))}
        >
          {t("grid:filter.clear")}
        </button>
      )}
    </div>
  );
}
