import { useTranslation } from "react-i18next";
import type { StatusCounts } from "../../db/queries/documents-with-progress.ts";
import { STATUSES } from "../../core/model/status.ts";
import type { TargetLang } from "../../core/model/languages.ts";

/** Segments by status as a stacked bar, with the done/total figure as text (never colour alone). */
export function ProgressBar({
  counts,
  words,
  lang,
}: {
  counts: StatusCounts;
  words: StatusCounts;
  lang: TargetLang;
}) {
  const { t } = useTranslation(["common", "grid"]);
  const total = STATUSES.reduce((n, s) => n + counts[s], 0);
  const done = counts.translated + counts.approved;
  const totalWords = STATUSES.reduce((n, s) => n + words[s], 0);
  const doneWords = words.translated + words.approved;
  const langName = t(`lang.${lang}`);
  const title = STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${t(`status.${s}`)}: ${counts[s]}`)
    .join(" · ");
  return (
    <div className="progress" title={title} data-testid={`doc-progress-${lang}`}>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t("progressOf", { lang: langName })}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        {STATUSES.filter((s) => s !== "empty" && counts[s] > 0).map((s) => (
          <span
            key={s}
            className={`bar status-bg-${s}`}
            style={{ width: `${(100 * counts[s]) / Math.max(1, total)}%` }}
          />
        ))}
      </div>
      <span className="progress-text">
        {done}/{total}
        <span className="progress-words">
          {" "}
          · {t("grid:words", { done: doneWords, total: totalWords })}
        </span>
      </span>
    </div>
  );
}
