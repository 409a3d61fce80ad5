import { useCallback, useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../core/model/languages.ts";
import type { Status } from "../../core/model/status.ts";
import type { Severity } from "../../core/qa/types.ts";
import { useDb } from "../../db/db-context.ts";
import type { SelarasDb } from "../../db/database.ts";
import { loadBundle } from "../../db/operations/bundle.ts";
import { dismissalsOf } from "../../db/operations/qa-dismissals.ts";
import { getQaSettings } from "../../db/operations/qa-settings.ts";
import {
  buildQaReport,
  writeQaReportCsv,
  writeQaReportHtml,
  type QaReport,
  type QaReportLabels,
} from "./qa-report.ts";
import { useFindingText } from "./use-finding-text.ts";

export type QaReportFormat = "html" | "csv";

interface Scope {
  /** The documents exported (undefined: all). */
  ids: readonly string[] | undefined;
  langs: readonly TargetLang[];
  statuses: readonly Status[] | undefined;
}

/** The QA report of what an export writes: the project's settings, the stored dismissals. */
async function reportFor(db: SelarasDb, scope: Scope): Promise<QaReport> {
  const bundle = await loadBundle(db, scope.ids, scope.langs, { rows: true });
  const settings = await getQaSettings(db);
  const dismissals = (
    await Promise.all(bundle.documents.map((d) => dismissalsOf(db, d.id)))
  ).flat();
  return buildQaReport(bundle, {
    settings,
    dismissals,
    langs: scope.langs,
    statuses: scope.statuses,
  });
}

/**
 * The export dialog's QA part: a warning while the targets it writes still have QA errors (not
 * dismissed), and the choice to write a QA report beside the export (HTML to read, CSV for a
 * spreadsheet). `files` gives the report file to download with the export.
 */
export function useExportQa(scope: Scope): {
  section: ReactNode;
  files: (stem: string) => Promise<{ name: string; parts: string[]; mime: string }[]>;
} {
  const { t, i18n } = useTranslation(["qa", "common"]);
  const db = useDb();
  const message = useFindingText();
  const [errors, setErrors] = useState<number | null>(null);
  const [write, setWrite] = useState(false);
  const [format, setFormat] = useState<QaReportFormat>("html");
  const { ids, langs, statuses } = scope;
  const key = `${ids?.join() ?? "*"}|${langs.join()}|${statuses?.join() ?? "*"}`;
  useEffect(() => {
    let live = true;
    setErrors(null);
    if (langs.length === 0) return;
    void reportFor(db, { ids, langs, statuses }).then(
      (r) => live && setErrors(r.counts.error),
      () => live && setErrors(null),
    );
    return () => {
      live = false;
    };
    // The scope by value (the dialog passes new arrays on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);

  const files = useCallback(
    async (stem: string) => {
      if (!write) return [];
      const report = await reportFor(db, { ids, langs, statuses });
      const when = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
        dateStyle: "medium",
        timeStyle: "short",
      });
      const titles = [...new Set(report.items.map((i) => i.document))];
      const labels: QaReportLabels = {
        lang: i18n.resolvedLanguage ?? "en",
        title: t("qa:export.title", { title: titles.length === 1 ? titles[0] : stem }),
        summary: t("qa:export.summary", {
          errors: report.counts.error,
          warnings: report.counts.warning,
          notes: report.counts.info,
          dismissed: report.dismissed,
          at: when.format(new Date()),
        }),
        none: t("qa:export.none"),
        columns: {
          document: t("qa:export.document"),
          row: t("qa:export.row"),
          lang: t("qa:export.lang"),
          severity: t("qa:export.severity"),
          check: t("qa:export.check"),
          message: t("qa:export.message"),
          source: t("qa:export.source"),
          target: t("qa:export.target"),
          status: t("qa:export.status"),
          dismissed: t("qa:export.dismissed"),
        },
        severity: (s: Severity) => t(`qa:severity.${s}`),
        check: (id) => t(`qa:check.${id}` as "qa:check.numbers"),
        language: (l) => t(`common:lang.${l}`),
        status: (s) => t(`common:status.${s}`),
        message: (item) => message(item.finding.finding),
        dismissal: (d) =>
          t("qa:export.dismissedBy", {
            by: d.by,
            at: when.format(new Date(d.at)),
            reason: d.reason,
          }),
      };
      return format === "html"
        ? [
            {
              name: `${stem}-qa.html`,
              parts: [writeQaReportHtml(report, labels)],
              mime: "text/html",
            },
          ]
        : [{ name: `${stem}-qa.csv`, parts: [writeQaReportCsv(report, labels)], mime: "text/csv" }];
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [db, key, write, format, t, i18n.resolvedLanguage, message],
  );

  const section = (
    <fieldset className="field qa-export" data-testid="export-qa">
      <legend>{t("qa:settings.heading")}</legend>
      {errors !== null && errors > 0 && (
        <p className="form-error" role="note" data-testid="export-qa-warning">
          {t("qa:export.warning", { count: errors })}
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="export-qa-report"
          checked={write}
          onChange={(e) => setWrite(e.target.checked)}
        />
        {t("qa:export.report")}
      </label>
      {write && (
        <label className="field">
          <span>{t("qa:export.reportFormat")}</span>
          <select
            data-testid="export-qa-format"
            value={format}
            onChange={(e) => setFormat(e.target.value as QaReportFormat)}
          >
            <option value="html">{t("qa:export.html")}</option>
            <option value="csv">{t("qa:export.csv")}</option>
          </select>
        </label>
      )}
    </fieldset>
  );
  return { section, files };
}
