import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CHECK_IDS, type CheckId, type Severity } from "../../core/qa/types.ts";
import { FINDING_CODES } from "../../core/qa/registry.ts";
import { useDb } from "../../db/db-context.ts";
import { useQaSettings } from "../../db/qa-hooks.ts";
import { saveQaSettings, type ProjectQaSettings } from "../../db/operations/qa-settings.ts";
import { useErrorAction } from "../shared/use-error-action.ts";
import { FormError } from "../shared/error-text.tsx";
import "./qa.css";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** The default severities of a check's codes ("error", or "error / warning" when they differ). */
function defaultSeverities(check: CheckId): Severity[] {
  const set = new Set<Severity>();
  for (const c of Object.values(FINDING_CODES)) if (c.check === check) set.add(c.severity);
  return SEVERITIES.filter((s) => set.has(s));
}

/**
 * Project settings of the quality checks: each check on or off, its severity (its codes' defaults
 * unless changed), and whether confirming a segment with a QA error asks first. Stored at once
 * (meta `qa-settings`); the grid, the QA panel, the export's warning and the QA report follow.
 */
export function QaSettingsSection() {
  const { t } = useTranslation(["qa", "common"]);
  const db = useDb();
  const stored = useQaSettings();
  const { error, run } = useErrorAction();
  const [saved, setSaved] = useState(false);
  // What was chosen, shown at once (the stored value follows through the live query).
  const [chosen, setChosen] = useState<ProjectQaSettings | null>(null);
  const settings = chosen ?? stored;
  if (!settings) return <p className="loading">{t("common:loading")}</p>;
  const save = (next: ProjectQaSettings) => {
    setSaved(false);
    setChosen(next);
    void run(async () => {
      await saveQaSettings(db, next);
      setSaved(true);
    });
  };
  const setOn = (check: CheckId, on: boolean) =>
    save({
      ...settings,
      disabled: on
        ? settings.disabled.filter((c) => c !== check)
        : [...new Set([...settings.disabled, check])],
    });
  const setSeverity = (check: CheckId, value: string) => {
    const severity = { ...settings.severity };
    if (value === "") delete severity[check];
    else severity[check] = value as Severity;
    save({ ...settings, severity });
  };
  return (
    <section className="settings-section qa-settings" aria-labelledby="qa-settings-heading">
      <h2 id="qa-settings-heading">{t("qa:settings.heading")}</h2>
      <p className="hint" id="qa-settings-hint">
        {t("qa:settings.hint")}
      </p>
      <table className="qa-settings-table" aria-describedby="qa-settings-hint">
        <thead>
          <tr>
            <th scope="col">{t("qa:settings.check")}</th>
            <th scope="col">{t("qa:settings.on")}</th>
            <th scope="col">{t("qa:settings.severity")}</th>
          </tr>
        </thead>
        <tbody>
          {CHECK_IDS.map((check) => {
            const name = t(`qa:check.${check}`);
            const on = !settings.disabled.includes(check);
            const value = settings.severity[check];
            const defaults = defaultSeverities(check)
              .map((s) => t(`qa:severity.${s}`))
              .join(" / ");
            return (
              <tr key={check} data-testid={`qa-setting-${check}`}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    type="checkbox"
                    data-testid={`qa-setting-on-${check}`}
                    aria-label={t("qa:settings.onLabel", { check: name })}
                    checked={on}
                    onChange={(e) => setOn(check, e.target.checked)}
                  />
                </td>
                <td>
                  <select
                    data-testid={`qa-setting-severity-${check}`}
                    aria-label={t("qa:settings.severityLabel", { check: name })}
                    value={value && value !== "off" ? value : ""}
                    disabled={!on}
                    onChange={(e) => setSeverity(check, e.target.value)}
                  >
                    <option value="">{t("qa:settings.default", { severity: defaults })}</option>
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {t(`qa:severity.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="qa-setting-ask-on-confirm"
          checked={settings.askOnConfirm}
          onChange={(e) => save({ ...settings, askOnConfirm: e.target.checked })}
        />{" "}
        {t("qa:settings.askOnConfirm")}
      </label>
      {saved && (
        <p className="form-success" role="status">
          {t("qa:settings.saved")}
        </p>
      )}
      <FormError error={error} />
    </section>
  );
}
