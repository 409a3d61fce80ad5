import { useState } from "react";
import { TrashIcon } from "../shared/icons.tsx";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { toErrorInfo } from "../../db/autosave.ts";
import { ErrorText } from "../shared/error-text.tsx";
import { useTranslation } from "react-i18next";
import { useDocuments, useMemorySize } from "../../db/hooks.ts";
import { clearMemory } from "../../db/operations/project-memory.ts";
import { useDb } from "../../db/db-context.ts";
import { deleteDocument } from "../../db/operations/delete-document.ts";
import { TARGET_LANGS } from "../../core/model/languages.ts";
import { documentHref } from "../app/use-hash-route.ts";
import { ProgressBar } from "./progress-bar.tsx";
import { ImportDialog } from "./import-dialog.tsx";
import { ImportTmDialog } from "./import-tm-dialog.tsx";
import { CorpusUpdates } from "./corpus-updates.tsx";
import { ExportDialog } from "../export/export-dialog.tsx";
import { useConfirm } from "../shared/confirm-dialog.tsx";
import { ShareAction, SharedMarker } from "../team/document-team.tsx";

type OpenDialog = "none" | "add" | "importTm" | "export";

export function DocumentList() {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const documents = useDocuments();
  const memorySize = useMemorySize();
  const [dialog, setDialog] = useState<OpenDialog>("none");
  const close = () => setDialog("none");
  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "medium",
    timeStyle: "short",
  });

  const confirm = useConfirm();
  const [deleteError, setDeleteError] = useState<ErrorInfo | null>(null);
  const onDelete = async (docId: string, title: string) => {
    const message = t("documents.confirmDelete", { title });
    if (!(await confirm.ask({ action: t("delete"), message, danger: true }))) return;
    setDeleteError(null);
    try {
      await deleteDocument(db, docId);
    } catch (error) {
      // A shared document with changes still waiting to be sent stays (sync.delete_pending).
      setDeleteError(toErrorInfo(error));
    }
  };

  return (
    <section className="documents" aria-labelledby="documents-heading">
      <div className="page-head">
        <h1 id="documents-heading">{t("documents.heading")}</h1>
        <div className="toolbar" role="toolbar" aria-label={t("documents.actions")}>
          <button
            type="button"
            className="primary"
            data-testid="add-document"
            onClick={() => setDialog("add")}
          >
            {t("documents.add")}
          </button>
          <button type="button" data-testid="import-tm" onClick={() => setDialog("importTm")}>
            {t("documents.importTm")}
          </button>
          <button
            type="button"
            data-testid="export-all"
            onClick={() => setDialog("export")}
            disabled={!documents || documents.length === 0}
          >
            {t("documents.exportAll")}
          </button>
        </div>
      </div>
      {confirm.dialog}
      {deleteError && (
        <div className="banner banner-error" role="alert" data-testid="delete-error">
          <ErrorText error={deleteError} />
        </div>
      )}
      <CorpusUpdates />
      {memorySize !== undefined && memorySize > 0 && (
        <p className="memory-line" data-testid="memory-size">
          {t("documents.memory", { count: memorySize })}{" "}
          <button
            type="button"
            className="mini"
            onClick={() =>
              void confirm
                .ask({
                  action: t("documents.memoryClear"),
                  message: t("documents.memoryClearConfirm", { count: memorySize }),
                  danger: true,
                })
                .then((ok) => (ok ? clearMemory(db) : undefined))
            }
          >
            {t("documents.memoryClear")}
          </button>
        </p>
      )}
      {documents && documents.length === 0 && <p className="empty-state">{t("documents.empty")}</p>}
      {documents && documents.length > 0 && (
        <table className="doc-table" data-testid="doc-list">
          <thead>
            <tr>
              <th scope="col">{t("documents.title")}</th>
              <th scope="col" className="num">
                {t("documents.segments")}
              </th>
              {TARGET_LANGS.map((lang) => (
                <th scope="col" key={lang}>
                  {t(`lang.${lang}`)}
                </th>
              ))}
              <th scope="col">{t("documents.updated")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("documents.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.map(({ document: doc, progress, words }) => (
              <tr
                key={doc.id}
                data-testid="doc-row"
                data-doc-id={doc.id}
                data-doc-title={doc.title}
              >
                <td>
                  <a href={documentHref(doc.id)} className="doc-title">
                    {doc.title}
                  </a>
                  <span className="doc-origin">
                    {t(`documents.origin.${doc.origin.kind}`)} · {t(`lang.${doc.sourceLang}`)}
                  </span>
                  {doc.projectId && <SharedMarker projectId={doc.projectId} />}
                </td>
                <td className="num" data-testid="doc-segments">
                  {doc.segmentCount}
                </td>
                {TARGET_LANGS.map((lang) => (
                  <td key={lang}>
                    {lang === doc.sourceLang ? (
                      <span className="hint" title={t("documents.sourceColumn")}>
                        {t("documents.sourceColumn")}
                      </span>
                    ) : (
                      <ProgressBar counts={progress[lang]} words={words[lang]} lang={lang} />
                    )}
                  </td>
                ))}
                <td className="date">{dateFormat.format(new Date(doc.updatedAt))}</td>
                <td className="doc-actions">
                  <ShareAction docId={doc.id} title={doc.title} shared={!!doc.projectId} />
                  <button
                    type="button"
                    className="icon-button danger"
                    aria-label={t("documents.delete", { title: doc.title })}
                    title={t("documents.delete", { title: doc.title })}
                    onClick={() => void onDelete(doc.id, doc.title)}
                  >
                    <TrashIcon />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog === "add" && <ImportDialog onClose={close} />}
      {dialog === "importTm" && <ImportTmDialog onClose={close} />}
      {dialog === "export" && <ExportDialog onClose={close} docId={null} />}
    </section>
  );
}
