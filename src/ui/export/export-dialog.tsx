import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { loadBundle } from "../../db/operations/bundle.ts";
import { toErrorInfo } from "../../db/autosave.ts";
import { writeTmx } from "../../core/format/tmx/write-tmx.ts";
import { writeJson } from "../../core/format/json/write-json.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { fileSlug } from "../../core/util/title.ts";
import { filterBundle } from "../../core/model/filter-bundle.ts";
import type { Status } from "../../core/model/status.ts";
import { Dialog } from "../shared/dialog.tsx";
import { ErrorText } from "../shared/error-text.tsx";
import { downloadText } from "../shared/download.ts";
import { useAutosave } from "../app/autosave-context.ts";
import { APP_VERSION } from "../app/version.ts";

type Format = "tmx" | "json";
type Scope = "document" | "all";
type StatusChoice = "all" | "done" | "approved";

const STATUS_CHOICES: Record<StatusChoice, readonly Status[] | undefined> = {
  all: undefined,
  done: ["translated", "approved"],
  approved: ["approved"],
};

function stamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
}

/** Export one document (docId) or all of them as TMX 1.4b or Selaras JSON, downloaded as a file. */
export function ExportDialog({ onClose, docId }: { onClose: () => void; docId: string | null }) {
  const { t } = useTranslation(["io", "common"]);
  const db = useDb();
  const autosave = useAutosave();
  const [format, setFormat] = useState<Format>("tmx");
  const [scope, setScope] = useState<Scope>(docId ? "document" : "all");
  const [langs, setLangs] = useState<TargetLang[]>([...TARGET_LANGS]);
  const [statusChoice, setStatusChoice] = useState<StatusChoice>("all");
  const [error, setError] = useState<ErrorInfo | null>(null);

  const toggleLang = (lang: TargetLang) =>
    setLangs((prev) => (prev.includes(lang) ? prev.filter((l) => l !== lang) : [...prev, lang]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await autosave.flush();
      const full = await loadBundle(db, scope === "document" && docId ? [docId] : undefined);
      const statuses = STATUS_CHOICES[statusChoice];
      const bundle = filterBundle(full, {
        languages: langs,
        ...(statuses ? { statuses, dropUntranslated: true } : {}),
      });
      const now = new Date();
      const stem =
        scope === "document" && bundle.documents[0]
          ? fileSlug(bundle.documents[0].title)
          : "selaras-all";
      if (format === "tmx") {
        const xml = writeTmx(bundle, {
          creationTool: "Selaras",
          creationToolVersion: APP_VERSION,
          creationDate: now,
          languages: langs,
          ...(statuses ? { statuses } : {}),
        });
        downloadText(`${stem}-${stamp(now)}.tmx`, xml, "application/x-tmx+xml");
      } else {
        const json = writeJson(bundle, { exportedAt: now, toolVersion: APP_VERSION });
        downloadText(`${stem}-${stamp(now)}.json`, json, "application/json");
      }
      onClose();
    } catch (err) {
      setError(toErrorInfo(err));
    }
  };

  return (
    <Dialog title={t("io:export.title")} onClose={onClose} testId="export-dialog">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t("io:export.format")}</span>
          <select
            data-testid="export-format"
            value={format}
            onChange={(e) => setFormat(e.target.value as Format)}
          >
            <option value="tmx">{t("io:export.formatTmx")}</option>
            <option value="json">{t("io:export.formatJson")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("io:export.scope")}</span>
          <select
            data-testid="export-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as Scope)}
          >
            {docId && <option value="document">{t("io:export.scopeDocument")}</option>}
            <option value="all">{t("io:export.scopeAll")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("io:export.statuses")}</span>
          <select
            data-testid="export-statuses"
            value={statusChoice}
            onChange={(e) => setStatusChoice(e.target.value as StatusChoice)}
          >
            <option value="all">{t("io:export.statusAll")}</option>
            <option value="done">{t("io:export.statusDone")}</option>
            <option value="approved">{t("io:export.statusApproved")}</option>
          </select>
        </label>
        <fieldset className="field">
          <legend>{t("io:export.languages")}</legend>
          {TARGET_LANGS.map((lang) => (
            <label key={lang} className="checkbox">
              <input
                type="checkbox"
                checked={langs.includes(lang)}
                onChange={() => toggleLang(lang)}
              />
              {t(`common:lang.${lang}`)}
            </label>
          ))}
        </fieldset>
        <p className="hint">
          {format === "tmx" ? t("io:export.tmxHint") : t("io:export.jsonHint")}
        </p>
        {error && (
          <p className="form-error" role="alert">
            <ErrorText error={error} />
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t("common:cancel")}
          </button>
          <button type="submit" className="primary" data-testid="export-download">
            {t("io:export.download")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
