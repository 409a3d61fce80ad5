import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { toErrorInfo } from "../../db/autosave.ts";
import {
  getCustomSegmentation,
  saveCustomSegmentation,
} from "../../db/operations/segmentation-settings.ts";
import {
  effectiveRules,
  NO_CUSTOM_SEGMENTATION,
  type CustomSegmentation,
} from "../../core/segment/custom-rules.ts";
import type { SegmentationRule } from "../../core/segment/rules.ts";
import { writeSrx, type SrxSkippedRule } from "../../core/segment/srx.ts";
import { LANGS, type Lang } from "../../core/model/languages.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { isAppError } from "../../core/model/app-error.ts";
import { ErrorText, FormError } from "../shared/error-text.tsx";
import { downloadText, readFileBytes } from "../shared/download.ts";
import { checkRulesInTime, segmentWithTimeLimit } from "../workers/segment-async.ts";
import { readSrxAsync } from "../workers/read-srx-async.ts";

/** How many left-out rules of an imported SRX are listed by name (the count says the rest). */
const SKIPPED_LISTED = 20;

const SAMPLE: Record<Lang, string> = {
  id: "Rapat dipimpin Dr. Sari, S.H., di Jl. Merdeka No. 5 pukul 10.30 WIB. Biayanya Rp 2.500.000,50. Semua hadir.",
  vi: "TS. Nguyễn Văn A phát biểu tại TP. Hồ Chí Minh. Hội nghị kéo dài 2,5 ngày. Mọi người đều dự.",
  en: "Mr. Smith arrived at 10 a.m. in the U.S. capital. He spoke for 2.5 hours, e.g. about trade. Everyone stayed.",
};

/** Project segmentation settings: abbreviations and rules per language, SRX import/export, live preview. */
export function SegmentationSettings() {
  const { t } = useTranslation(["settings", "common"]);
  const db = useDb();
  const [draft, setDraft] = useState<CustomSegmentation | null>(null);
  const [lang, setLang] = useState<Lang>("id");
  const [sample, setSample] = useState(SAMPLE.id);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saved, setSaved] = useState(false);
  /** An SRX file being read (in the SRX worker), and the rules the last one read left out. */
  const [reading, setReading] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<{ file: string; rules: SrxSkippedRule[] } | null>(null);

  useEffect(() => {
    void getCustomSegmentation(db).then(setDraft);
  }, [db]);

  // The preview runs in the segment worker with a time limit: an imported or typed rule that
  // backtracks without end is stopped and reported, never freezes the page (issue 14 item 2).
  const [preview, setPreview] = useState<{ sentences: string[]; error: ErrorInfo | null }>({
    sentences: [],
    error: null,
  });
  useEffect(() => {
    if (!draft) return;
    let current = true;
    let task: { cancel: () => void } | null = null;
    const timer = setTimeout(() => {
      let rules;
      try {
        rules = effectiveRules(draft);
      } catch (err) {
        setPreview({ sentences: [], error: toErrorInfo(err) });
        return;
      }
      const run = segmentWithTimeLimit({ rules, langs: [lang], paragraphs: [sample] });
      task = run;
      run.promise.then(
        (result) => {
          if (current) setPreview({ sentences: result[0]?.[0] ?? [], error: null });
        },
        (err: unknown) => {
          if (current && !(isAppError(err) && err.code === "segment.cancelled"))
            setPreview({ sentences: [], error: isAppError(err) ? err.toInfo() : toErrorInfo(err) });
        },
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
      task?.cancel();
    };
  }, [draft, sample, lang]);

  if (!draft) return <p className="loading">{t("common:loading")}</p>;

  const update = (next: CustomSegmentation) => {
    setDraft(next);
    setSaved(false);
  };
  const rules = draft.rules[lang] ?? [];
  const setRules = (list: SegmentationRule[]) =>
    update({ ...draft, rules: { ...draft.rules, [lang]: list } });

  const save = async () => {
    setError(null);
    try {
      await checkRulesInTime(effectiveRules(draft), [...Object.values(SAMPLE), sample]);
      await saveCustomSegmentation(db, draft);
      setSaved(true);
    } catch (err) {
      setError(toErrorInfo(err));
    }
  };

  const importSrx = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setSkipped(null);
    setReading(file.name);
    try {
      // Read in a worker: a whole OmegaT rule file takes seconds to translate and compile. Rules
      // whose patterns cannot be translated are left out and listed; the rest is used.
      const bytes = await readFileBytes(file);
      const read = await readSrxAsync({ bytes, fileName: file.name }).promise;
      const base = read.rules;
      await checkRulesInTime(effectiveRules({ ...draft, base }), Object.values(SAMPLE));
      setDraft((current) => (current ? { ...current, base } : current));
      setSaved(false);
      if (read.skipped.length > 0) setSkipped({ file: file.name, rules: read.skipped });
    } catch (err) {
      const info = toErrorInfo(err);
      setError({ ...info, params: { file: file.name, ...info.params } });
    } finally {
      setReading(null);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="seg-heading">
      <h2 id="seg-heading">{t("settings:segmentation.heading")}</h2>
      <p className="hint">{t("settings:segmentation.intro")}</p>
      <div className="settings-grid">
        <div className="form">
          <label className="field">
            <span>{t("settings:segmentation.language")}</span>
            <select
              data-testid="seg-lang"
              value={lang}
              onChange={(e) => {
                const next = e.target.value as Lang;
                setLang(next);
                setSample(SAMPLE[next]);
              }}
            >
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`common:lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("settings:segmentation.abbreviations")}</span>
            <textarea
              data-testid="seg-abbreviations"
              rows={6}
              value={(draft.abbreviations[lang] ?? []).join("\n")}
              placeholder={t("settings:segmentation.abbreviationsPlaceholder")}
              onChange={(e) =>
                update({
                  ...draft,
                  abbreviations: { ...draft.abbreviations, [lang]: e.target.value.split("\n") },
                })
              }
            />
          </label>
          <fieldset className="field">
            <legend>{t("settings:segmentation.rules")}</legend>
            <p className="hint">{t("settings:segmentation.rulesHint")}</p>
            {rules.length > 0 && (
              <table className="rule-table">
                <thead>
                  <tr>
                    <th scope="col">{t("settings:segmentation.kind")}</th>
                    <th scope="col">{t("settings:segmentation.before")}</th>
                    <th scope="col">{t("settings:segmentation.after")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("settings:segmentation.remove")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rules.map((rule, i) => (
                    <tr key={i}>
                      <td>
                        <select
                          aria-label={t("settings:segmentation.kind")}
                          value={rule.break ? "break" : "nobreak"}
                          onChange={(e) =>
                            setRules(
                              rules.map((r, j) =>
                                j === i ? { ...r, break: e.target.value === "break" } : r,
                              ),
                            )
                          }
                        >
                          <option value="nobreak">{t("settings:segmentation.noBreak")}</option>
                          <option value="break">{t("settings:segmentation.break")}</option>
                        </select>
                      </td>
                      <td>
                        <input
                          aria-label={t("settings:segmentation.before")}
                          className="mono"
                          value={rule.beforeBreak}
                          onChange={(e) =>
                            setRules(
                              rules.map((r, j) =>
                                j === i ? { ...r, beforeBreak: e.target.value } : r,
                              ),
                            )
                          }
                        />
                      </td>
                      <td>
                        <input
                          aria-label={t("settings:segmentation.after")}
                          className="mono"
                          value={rule.afterBreak}
                          onChange={(e) =>
                            setRules(
                              rules.map((r, j) =>
                                j === i ? { ...r, afterBreak: e.target.value } : r,
                              ),
                            )
                          }
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="icon-button danger"
                          aria-label={t("settings:segmentation.remove")}
                          onClick={() => setRules(rules.filter((_, j) => j !== i))}
                        >
                          ×
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <button
              type="button"
              onClick={() =>
                setRules([...rules, { break: false, beforeBreak: "", afterBreak: "\\s" }])
              }
            >
              {t("settings:segmentation.addRule")}
            </button>
          </fieldset>
          <fieldset className="field">
            <legend>{t("settings:segmentation.base")}</legend>
            <p data-testid="seg-base">
              {draft.base
                ? t("settings:segmentation.baseSrx", { count: draft.base.languageRules.length })
                : t("settings:segmentation.baseBuiltin")}
            </p>
            <div className="form-row">
              <label className="field">
                <span>{t("settings:segmentation.importSrx")}</span>
                <input
                  type="file"
                  accept=".srx,.xml"
                  data-testid="seg-import-srx"
                  disabled={reading !== null}
                  onChange={(e) => void importSrx(e.target.files?.[0])}
                />
              </label>
              {draft.base && (
                <button
                  type="button"
                  onClick={() => {
                    setSkipped(null);
                    update({ ...draft, base: null });
                  }}
                >
                  {t("settings:segmentation.useBuiltin")}
                </button>
              )}
              <button
                type="button"
                data-testid="seg-export-srx"
                onClick={() =>
                  downloadText(
                    "selaras-segmentation.srx",
                    writeSrx(effectiveRules(draft)),
                    "application/xml",
                  )
                }
              >
                {t("settings:segmentation.exportSrx")}
              </button>
            </div>
            {reading !== null && (
              <p className="hint" role="status" data-testid="seg-srx-reading">
                {t("settings:segmentation.srxReading", { file: reading })}
              </p>
            )}
            {skipped && (
              <div className="warning-note" role="note" data-testid="seg-srx-skipped">
                <p>
                  {t("settings:segmentation.srxSkipped", {
                    count: skipped.rules.length,
                    file: skipped.file,
                  })}
                </p>
                <ul>
                  {skipped.rules.slice(0, SKIPPED_LISTED).map((r, i) => (
                    <li key={i}>
                      {t("settings:segmentation.srxSkippedAt", {
                        ruleSet: r.ruleSet,
                        line: r.line,
                        column: r.column,
                        why: r.feature ?? t("settings:segmentation.srxInvalidPattern"),
                      })}{" "}
                      <code>{r.pattern}</code>
                    </li>
                  ))}
                </ul>
                {skipped.rules.length > SKIPPED_LISTED && (
                  <p>
                    {t("settings:segmentation.srxSkippedMore", {
                      count: skipped.rules.length - SKIPPED_LISTED,
                    })}
                  </p>
                )}
              </div>
            )}
          </fieldset>
        </div>
        <div className="form">
          <label className="field">
            <span>{t("settings:segmentation.preview")}</span>
            <textarea
              data-testid="seg-sample"
              rows={5}
              value={sample}
              onChange={(e) => setSample(e.target.value)}
            />
          </label>
          <ol className="split-preview" data-testid="seg-preview">
            {preview.sentences.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
          {preview.error && (
            <p className="form-error" role="alert">
              <ErrorText error={preview.error} />
            </p>
          )}
        </div>
      </div>
      <FormError error={error} />
      <div className="dialog-actions">
        <button type="button" onClick={() => update(NO_CUSTOM_SEGMENTATION)}>
          {t("settings:segmentation.reset")}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="seg-save"
          onClick={() => void save()}
        >
          {t("settings:segmentation.save")}
        </button>
      </div>
      {saved && (
        <p className="form-success" role="status" data-testid="seg-saved">
          {t("settings:segmentation.saved")}
        </p>
      )}
    </section>
  );
}
