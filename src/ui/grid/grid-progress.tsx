import { useTranslation } from "react-i18next";
import type { TranslationRecord } from "../../core/model/records.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { isDone } from "../../core/model/status.ts";

/** Header figure: segments done (translated or approved) of all, per target language. */
export function GridProgress({
  lang,
  total,
  translations,
}: {
  lang: TargetLang;
  total: number;
  translations: ReadonlyMap<string, TranslationRecord>;
}) {
  const { t } = useTranslation(["grid", "common"]);
  let done = 0;
  for (const tr of translations.values()) if (tr.lang === lang && isDone(tr.status)) done++;
  const pct = total === 0 ? 0 : Math.round((100 * done) / total);
  return (
    <div className="grid-progress" data-testid={`grid-progress-${lang}`}>
      <span>{t(`common:lang.${lang}`)}</span>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t("common:progressOf", { lang: t(`common:lang.${lang}`) })}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <span className="bar status-bg-translated" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text">
        {done}/{total}
      </span>
    </div>
  );
}
