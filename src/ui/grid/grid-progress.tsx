import { memo, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { SegmentRecord, TranslationRecord } from "../../core/model/records.ts";
import { translationId } from "../../core/model/records.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { STATUSES, type Status } from "../../core/model/status.ts";

/** Header bar: segments by status per target language, with done/total in segments and source words. */
export const GridProgress = memo(function GridProgress({
  lang,
  segments,
  wordCounts,
  translations,
}: {
  lang: TargetLang;
  segments: readonly SegmentRecord[];
  /** Source words per segment (computed once per segment list). */
  wordCounts: readonly number[];
  translations: ReadonlyMap<string, TranslationRecord>;
}) {
  const { t } = useTranslation(["grid", "common"]);
  const { counts, words, doneWords } = useMemo(() => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    let words = 0;
    let doneWords = 0;
    segments.forEach((s, i) => {
      const status = translations.get(translationId(s.id, lang))?.status ?? "empty";
      counts[status]++;
      const w = wordCounts[i] ?? 0;
      words += w;
      if (status === "translated" || status === "approved") doneWords += w;
    });
    return { counts, words, doneWords };
  }, [segments, wordCounts, translations, lang]);
  const total = segments.length;
  const done = counts.translated + counts.approved;
  const title = STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${t(`common:status.${s}`)}: ${counts[s]}`)
    .join(" · ");
  return (
    <div className="grid-progress" data-testid={`grid-progress-${lang}`} title={title}>
      <span>{t(`common:lang.${lang}`)}</span>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t("common:progressOf", { lang: t(`common:lang.${lang}`) })}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t("grid:progressText", { done, total, doneWords, words })}
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
        {done}/{total} · {t("grid:words", { done: doneWords, total: words })}
      </span>
    </div>
  );
});
