import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { importErrorInfo } from "./import-error.ts";
import { storeBuiltDocuments } from "../../db/operations/import-documents.ts";
import { checkTextFileSize } from "../../core/model/limits.ts";
import { LANGS, type Lang } from "../../core/model/languages.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { titleFromFileName, titleFromText } from "../../core/util/title.ts";
import { Dialog } from "../shared/dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { readFileBytes } from "../shared/download.ts";
import { documentHref, navigate } from "../app/use-hash-route.ts";
import type { TextImportItem } from "../workers/text-import-protocol.ts";
import { buildDocumentsAsync } from "../workers/text-import-async.ts";
import type { WorkerTask } from "../workers/worker-job.ts";

/** Add documents: paste a text, or choose/drop .txt files (UTF-8, UTF-16 with BOM). All or nothing. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  const [lang, setLang] = useState<Lang>("id");
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  /** Segmenting in the worker: the fraction done (null: not running), and the task to cancel. */
  const [progress, setProgress] = useState<number | null>(null);
  const task = useRef<WorkerTask<unknown> | null>(null);
  // Closed while segmenting (Escape): the work stops and nothing is imported.
  useEffect(() => () => task.current?.cancel(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const items: TextImportItem[] = [];
      // Too large a file is refused before it is read (README "Limits").
      for (const file of files) checkTextFileSize(file.name, file.size);
      for (const file of files) {
        items.push({
          kind: "file",
          bytes: await readFileBytes(file),
          fileName: file.name,
          title: titleFromFileName(file.name),
          sourceLang: lang,
        });
      }
      if (text.trim() !== "") {
        items.push({
          kind: "text",
          text,
          title: title.trim() || titleFromText(text),
          sourceLang: lang,
        });
      }
      if (items.length === 0) {
        setError({ code: "import.nothing", params: {} });
        return;
      }
      // Decoded and segmented in a worker with progress and Cancel; stored all or nothing after.
      setProgress(0);
      const job = buildDocumentsAsync({ items }, setProgress);
      task.current = job;
      const built = await job.promise;
      setProgress(1);
      const ids = await storeBuiltDocuments(db, built);
      onClose();
      if (ids.length === 1 && ids[0]) navigate(documentHref(ids[0]));
    } catch (err) {
      setError(importErrorInfo(err));
    } finally {
      task.current = null;
      setProgress(null);
      setBusy(false);
    }
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setFiles((prev) => [...prev, ...Array.from(e.dataTransfer.files)]);
  };

  return (
    <Dialog title={t("import.title")} onClose={onClose} testId="import-dialog">
      <form onSubmit={(e) => void submit(e)} className="form">
        <label className="field">
          <span>{t("import.sourceLanguage")}</span>
          <select
            data-testid="import-lang"
            value={lang}
            onChange={(e) => setLang(e.target.value as Lang)}
          >
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("import.docTitle")}</span>
          <input
            data-testid="import-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t("import.docTitlePlaceholder")}
          />
        </label>
        <label className="field">
          <span>{t("import.pasteLabel")}</span>
          <textarea
            data-testid="import-text"
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("import.pastePlaceholder")}
          />
        </label>
        <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          <label className="field">
            <span>{t("import.filesLabel")}</span>
            <input
              data-testid="import-file"
              type="file"
              accept=".txt,text/plain"
              multiple
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            />
          </label>
          <p className="hint">{t("import.filesHint")}</p>
          {files.length > 0 && (
            <ul className="file-list">
              {files.map((f) => (
                <li key={`${f.name}-${f.size}`}>{f.name}</li>
              ))}
            </ul>
          )}
        </div>
        {progress !== null && (
          <div className="read-progress" role="status">
            <progress
              max={1}
              value={progress}
              aria-label={t("import.segmenting")}
              data-testid="import-progress"
            />
            <span>
              {t("import.segmenting")} {Math.round(progress * 100)} %
            </span>
          </div>
        )}
        <FormError error={error} />
        <div className="dialog-actions">
          <button
            type="button"
            data-testid="import-cancel"
            onClick={() => {
              // While segmenting, Cancel stops it (nothing is written); else it closes.
              if (task.current) task.current.cancel();
              else onClose();
            }}
          >
            {t("cancel")}
          </button>
          <button type="submit" className="primary" data-testid="import-submit" disabled={busy}>
            {t("import.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
