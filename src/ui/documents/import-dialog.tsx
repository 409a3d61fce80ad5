import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { importErrorInfo } from "./import-error.ts";
import { importDocuments, type NewDocumentInput } from "../../db/operations/import-documents.ts";
import { decodeText } from "../../core/format/txt/decode.ts";
import { checkTextFileSize } from "../../core/model/limits.ts";
import { LANGS, type Lang } from "../../core/model/languages.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { titleFromFileName, titleFromText } from "../../core/util/title.ts";
import { Dialog } from "../shared/dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { readFileBytes } from "../shared/download.ts";
import { documentHref, navigate } from "../app/use-hash-route.ts";

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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const inputs: NewDocumentInput[] = [];
      // Too large a file is refused before it is read (README "Limits").
      for (const file of files) checkTextFileSize(file.name, file.size);
      for (const file of files) {
        const decoded = decodeText(await readFileBytes(file), file.name);
        inputs.push({
          title: titleFromFileName(file.name),
          sourceLang: lang,
          text: decoded,
          origin: { kind: "user", fileName: file.name },
        });
      }
      if (text.trim() !== "") {
        inputs.push({
          title: title.trim() || titleFromText(text),
          sourceLang: lang,
          text,
          origin: { kind: "user" },
        });
      }
      if (inputs.length === 0) {
        setError({ code: "import.nothing", params: {} });
        return;
      }
      const ids = await importDocuments(db, inputs);
      onClose();
      if (ids.length === 1 && ids[0]) navigate(documentHref(ids[0]));
    } catch (err) {
      setError(importErrorInfo(err));
    } finally {
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
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
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
