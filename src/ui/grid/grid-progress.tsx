import { memo, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { SegmentRecord, TranslationRecord } from "../../core/model/records.ts";
import { translationId } from "../../core/model/records.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { STATUSES, type Status } from "../../core/model/status.ts";
import { rowMapDelta } from "../../core/align-edit/row-view.ts";

interface Progress {
  counts: Record<Status, number>;
  words: number;
  doneWords: number;
}

const isDone = (s: Status) => s === "translated" || s === "approved";

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
  // The row keys once per segment list; a save (a view patched from the last one, `rowMapDelta`)
  // recounts only the rows it changed, not 10,020 rows per language.
  const keys = useMemo(() => segments.map((s) => translationId(s.id, lang)), [segments, lang]);
  const rowOf = useMemo(() => new Map(keys.map((k, i) => [k, i])), [keys]);
  const last = useRef<(Progress & { keys: unknown; wordCounts: unknown; of: unknown }) | null>(
    null,
  );
  const { counts, words, doneWords } = useMemo((): Progress => {
    const prev = last.current;
    const delta = rowMapDelta(translations);
    let out: Progress;
    if (
      prev &&
      delta &&
      prev.keys === keys &&
      prev.wordCounts === wordCounts &&
      delta.previous === prev.of
    ) {
      out = { counts: { ...prev.counts }, words: prev.words, doneWords: prev.doneWords };
      for (const key of delta.keys) {
        const i = rowOf.get(key);
        if (i === undefined) continue;
        const was = delta.previous.get(key)?.status ?? "empty";
        const now = translations.get(key)?.status ?? "empty";
        out.counts[was]--;
        out.counts[now]++;
        const w = wordCounts[i] ?? 0;
        if (isDone(was)) out.doneWords -= w;
        if (isDone(now)) out.doneWords += w;
      }
    } else {
      const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
      let words = 0;
      let doneWords = 0;
      keys.forEach((key, i) => {
        const status = translations.get(key)?.status ?? "empty";
        counts[status]++;
        const w = wordCounts[i] ?? 0;
        words += w;
        if (isDone(status)) doneWords += w;
      });
      out = { counts, words, doneWords };
    }
    last.current = { ...out, keys, wordCounts, of: translations };
    return out;
  }, [keys, rowOf, wordCounts, translations]);
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
