import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDocument, useSegments, useTranslations } from "../../db/hooks.ts";
import { useDb } from "../../db/db-context.ts";
import { saveTranslation } from "../../db/operations/save-translation.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { TARGET_LANGS } from "../../core/model/languages.ts";
import { useAutosave } from "../app/autosave-context.ts";
import { currentUser } from "../app/user.ts";
import { AlignmentGrid } from "./alignment-grid.tsx";
import { ExportDialog } from "../export/export-dialog.tsx";
import { ShortcutSheet } from "./shortcut-sheet.tsx";
import { isShowShortcutsKey } from "./grid-keyboard.ts";
import { GridProgress } from "./grid-progress.tsx";

export function GridPage({ docId }: { docId: string }) {
  const { t } = useTranslation(["grid", "common"]);
  const db = useDb();
  const autosave = useAutosave();
  const doc = useDocument(docId);
  const segments = useSegments(docId);
  const translations = useTranslations(docId);
  const [exportOpen, setExportOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const user = currentUser();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isShowShortcutsKey(e)) {
        e.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const onConfirm = useCallback(
    async (segmentId: string, lang: TargetLang, text: string) => {
      await autosave.flush();
      await saveTranslation(db, { segmentId, lang, text, user, confirm: true });
    },
    [db, autosave, user],
  );

  if (doc === null) {
    return (
      <section className="grid-page" data-testid="grid-page">
        <p role="alert">{t("grid:notFound")}</p>
        <a href="#/" data-testid="back-to-list">
          {t("grid:backToList")}
        </a>
      </section>
    );
  }
  const loading = doc === undefined || segments === undefined || translations === undefined;

  return (
    <section className="grid-page" data-testid="grid-page" aria-busy={loading}>
      <div className="page-head">
        <a href="#/" className="back" data-testid="back-to-list">
          ← {t("grid:backToList")}
        </a>
        <h1>{doc?.title ?? "…"}</h1>
        {!loading && (
          <div className="grid-progress-group">
            {TARGET_LANGS.map((lang) => (
              <GridProgress
                key={lang}
                lang={lang}
                total={segments.length}
                translations={translations}
              />
            ))}
          </div>
        )}
        <div className="toolbar" role="toolbar" aria-label={t("grid:toolbar")}>
          <button type="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="Alt+H">
            {t("grid:shortcuts")}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="export-open"
            onClick={() => setExportOpen(true)}
          >
            {t("grid:export")}
          </button>
        </div>
      </div>
      {loading ? (
        <p className="loading" role="status">
          {t("common:loading")}
        </p>
      ) : (
        <AlignmentGrid
          segments={segments}
          translations={translations}
          sourceLang={doc.sourceLang}
          user={user}
          onConfirm={onConfirm}
        />
      )}
      {exportOpen && <ExportDialog docId={docId} onClose={() => setExportOpen(false)} />}
      {helpOpen && <ShortcutSheet onClose={() => setHelpOpen(false)} />}
    </section>
  );
}
