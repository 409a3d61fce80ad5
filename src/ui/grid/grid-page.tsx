import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { useHistoryState, useRevisions } from "../../db/hooks.ts";
import { saveTranslation } from "../../db/operations/save-translation.ts";
import { restoreRevision, setStatus } from "../../db/operations/review.ts";
import { redo, undo } from "../../db/operations/history.ts";
import { addComment, setThreadResolved } from "../../db/operations/comments.ts";
import { toErrorInfo } from "../../db/autosave.ts";
import { translationId } from "../../core/model/records.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import { awaitsReview } from "../../core/review/transitions.ts";
import { countWords } from "../../core/text/word-count.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { useAutosave } from "../app/autosave-context.ts";
import { useUser } from "../app/use-user.ts";
import { documentHref } from "../app/use-hash-route.ts";
import { AlignmentGrid, type GridHandle } from "./alignment-grid.tsx";
import type { CellRef } from "./cells/target-cell.tsx";
import { ExportDialog } from "../export/export-dialog.tsx";
import { ShortcutSheet } from "./shortcut-sheet.tsx";
import { GridProgress } from "./grid-progress.tsx";
import { FilterBar } from "./filter-bar.tsx";
import { filterFromParams, filterToParams } from "./filter-url.ts";
import { useGridData } from "./use-grid-data.ts";
import { isShowShortcutsKey, moveFocus, type CellCommand } from "./grid-keyboard.ts";
import { CommentsPanel } from "./comments-panel.tsx";
import { HistoryPanel } from "./history-panel.tsx";
import { FindReplaceDialog } from "./find-replace-dialog.tsx";
import { ErrorText } from "../shared/error-text.tsx";
import { SidePanel } from "./side-panel.tsx";
import { SplitDialog } from "./split-dialog.tsx";
import { ImportIntoDocumentDialog } from "./import-into-document-dialog.tsx";
import {
  mergeWithNext,
  resegmentDocument,
  splitSegment,
} from "../../db/operations/segment-edits.ts";

type Panel = null | "comments" | "history";
type OpenDialog = null | "export" | "help" | "replace" | "import" | { split: number };

export function GridPage({ docId, params }: { docId: string; params: URLSearchParams }) {
  const { t } = useTranslation(["grid", "common"]);
  const db = useDb();
  const autosave = useAutosave();
  const user = useUser();
  const paramString = params.toString();
  const filter = useMemo(() => filterFromParams(new URLSearchParams(paramString)), [paramString]);
  const {
    doc,
    segments,
    complete,
    translations,
    comments,
    visible,
    error: filterError,
  } = useGridData(docId, filter);
  const history = useHistoryState(docId);
  // Word counts feed only the header figures: computed after the rows are painted.
  const deferredSegments = useDeferredValue(segments, undefined);
  const wordCounts = useMemo(
    () => deferredSegments?.map((s) => countWords(s.source)) ?? [],
    [deferredSegments],
  );
  const gridRef = useRef<GridHandle>(null);
  const [active, setActive] = useState<CellRef | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [rejecting, setRejecting] = useState<CellRef | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [actionError, setActionError] = useState<ErrorInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const activeKey = active ? translationId(active.segmentId, active.lang) : null;
  const revisions = useRevisions(panel === "history" ? activeKey : null);

  const run = useCallback(async (task: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await task();
    } catch (err) {
      setActionError(toErrorInfo(err));
    }
  }, []);

  const doUndo = useCallback(
    () => run(async () => (await autosave.flush(), undo(db, docId, user.name))),
    [run, autosave, db, docId, user.name],
  );
  const doRedo = useCallback(
    () => run(async () => (await autosave.flush(), redo(db, docId, user.name))),
    [run, autosave, db, docId, user.name],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isShowShortcutsKey(e)) {
        e.preventDefault();
        setDialog("help");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const nextAwaiting = useCallback(
    (from: CellRef): { row: number; lang: TargetLang } | null => {
      if (!segments || !translations) return null;
      const langs = [from.lang, ...TARGET_LANGS.filter((l) => l !== from.lang)];
      for (const lang of langs) {
        for (let row = from.row + 1; row < visible.length; row++) {
          const seg = segments[visible[row]!];
          const tr = seg ? translations.get(translationId(seg.id, lang)) : undefined;
          if (tr && awaitsReview(tr.status)) return { row, lang };
        }
      }
      return null;
    },
    [segments, translations, visible],
  );

  const onCommand = useCallback(
    (command: CellCommand, cell: CellRef, text: string) => {
      const target = { segmentId: cell.segmentId, lang: cell.lang };
      switch (command) {
        case "confirmAndNext":
          void run(async () => {
            await autosave.flush();
            await saveTranslation(db, { ...target, text, user: user.name, confirm: true });
          });
          break;
        case "approveAndNext":
          void run(async () => {
            await autosave.flush();
            await setStatus(db, {
              changes: [target],
              action: "approve",
              user: user.name,
              role: user.role,
            });
          });
          break;
        case "reject":
          void autosave.flush();
          setRejecting(cell);
          setActive(cell);
          setPanel("comments");
          return;
        case "undo":
          void doUndo();
          return;
        case "redo":
          void doRedo();
          return;
        case "comments":
        case "history":
          setActive(cell);
          setPanel(command);
          return;
        case "splitSource":
          void autosave.flush();
          setDialog({ split: cell.index });
          return;
        case "mergeSource":
          void run(async () => {
            await autosave.flush();
            await mergeWithNext(db, docId, cell.segmentId, user.name);
          });
          return;
        case "nextAwaiting": {
          const next = nextAwaiting(cell);
          if (next) gridRef.current?.focusCell(next.row, next.lang);
          return;
        }
        default:
          break;
      }
      const next = moveFocus({ row: cell.row, lang: cell.lang }, command, visible.length);
      if (next) gridRef.current?.focusCell(next.row, next.lang);
    },
    [run, autosave, db, user, doUndo, doRedo, nextAwaiting, visible.length, docId],
  );

  const onRowAction = useCallback(
    (action: "split" | "merge", index: number) => {
      const segment = segments?.[index];
      if (!segment) return;
      if (action === "split") setDialog({ split: index });
      else
        void run(async () => {
          await autosave.flush();
          await mergeWithNext(db, docId, segment.id, user.name);
        });
    },
    [segments, run, autosave, db, docId, user.name],
  );

  const resegment = () => {
    if (!window.confirm(t("grid:resegmentConfirm"))) return;
    void run(async () => {
      await autosave.flush();
      const changed = await resegmentDocument(db, docId, user.name);
      setNotice(changed === 0 ? t("grid:resegmentNone") : t("grid:resegmentDone"));
    });
  };

  const setFilter = (next: typeof filter) => {
    window.location.hash = documentHref(docId, filterToParams(next));
  };

  const approveVisible = () => {
    if (!segments) return;
    const changes = visible.flatMap((i) =>
      TARGET_LANGS.map((lang) => ({ segmentId: segments[i]!.id, lang })),
    );
    const count = changes.filter((c) => {
      const tr = translations?.get(translationId(c.segmentId, c.lang));
      return tr && tr.text.trim() !== "" && tr.status !== "approved";
    }).length;
    if (count === 0 || !window.confirm(t("grid:approveVisibleConfirm", { count }))) return;
    void run(() => setStatus(db, { changes, action: "approve", user: user.name, role: user.role }));
  };

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
  const loading = !doc || !segments || !translations || !comments;
  const thread = activeKey ? (comments?.get(activeKey) ?? []) : [];

  return (
    <section className={`grid-page role-${user.role}`} data-testid="grid-page" aria-busy={loading}>
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
                segments={segments}
                wordCounts={wordCounts}
                translations={translations}
              />
            ))}
          </div>
        )}
        <div className="toolbar" role="toolbar" aria-label={t("grid:toolbar")}>
          <button
            type="button"
            data-testid="undo"
            onClick={() => void doUndo()}
            disabled={!history?.undo}
            aria-keyshortcuts="Control+Z"
            title={
              history?.undo
                ? t("grid:undoWhat", {
                    what: t(`grid:history.action.${history.undo}` as "grid:history.action.edit"),
                  })
                : t("grid:undo")
            }
          >
            ↶ {t("grid:undo")}
          </button>
          <button
            type="button"
            data-testid="redo"
            onClick={() => void doRedo()}
            disabled={!history?.redo}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
          >
            ↷ {t("grid:redo")}
          </button>
          <button type="button" data-testid="resegment" disabled={!complete} onClick={resegment}>
            {t("grid:resegment")}
          </button>
          <button
            type="button"
            data-testid="replace-open"
            disabled={!complete}
            onClick={() => setDialog("replace")}
          >
            {t("grid:replace.open")}
          </button>
          {user.role === "reviewer" && (
            <button
              type="button"
              data-testid="approve-visible"
              disabled={!complete}
              onClick={approveVisible}
            >
              {t("grid:approveVisible")}
            </button>
          )}
          <button type="button" data-testid="import-into-doc" onClick={() => setDialog("import")}>
            {t("grid:importTranslations")}
          </button>
          <button type="button" onClick={() => setDialog("help")} aria-keyshortcuts="Alt+H">
            {t("grid:shortcuts")}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="export-open"
            onClick={() => setDialog("export")}
          >
            {t("grid:export")}
          </button>
        </div>
      </div>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        shown={visible.length}
        total={doc?.segmentCount ?? segments?.length ?? 0}
      />
      {notice && (
        <p className="form-success" role="status" data-testid="grid-notice">
          {notice}{" "}
          <button
            type="button"
            className="icon-button"
            aria-label={t("common:close")}
            onClick={() => setNotice(null)}
          >
            ×
          </button>
        </p>
      )}
      {(filterError ?? actionError) && (
        <p className="form-error" role="alert">
          <ErrorText error={(filterError ?? actionError)!} />
        </p>
      )}
      {loading ? (
        <p className="loading" role="status">
          {t("common:loading")}
        </p>
      ) : (
        <div className="grid-layout">
          <AlignmentGrid
            handle={gridRef}
            segments={segments}
            totalRows={doc.segmentCount}
            visible={visible}
            translations={translations}
            comments={comments}
            sourceLang={doc.sourceLang}
            user={user.name}
            role={user.role}
            onCommand={onCommand}
            onFocusCell={setActive}
            onRowAction={onRowAction}
          />
          {panel && active && (
            <SidePanel
              panel={panel}
              cell={active}
              onPanel={setPanel}
              onClose={() => {
                setPanel(null);
                setRejecting(null);
              }}
            >
              {panel === "comments" ? (
                <CommentsPanel
                  comments={thread}
                  rejecting={
                    rejecting?.segmentId === active.segmentId && rejecting.lang === active.lang
                  }
                  onAdd={(text) =>
                    run(() =>
                      addComment(db, {
                        segmentId: active.segmentId,
                        lang: active.lang,
                        author: user.name,
                        text,
                      }),
                    )
                  }
                  onReject={(text) =>
                    run(async () => {
                      await setStatus(db, {
                        changes: [{ segmentId: active.segmentId, lang: active.lang }],
                        action: "reject",
                        user: user.name,
                        role: user.role,
                        comment: text,
                      });
                      setRejecting(null);
                    })
                  }
                  onResolve={(resolved) =>
                    run(() =>
                      setThreadResolved(db, active.segmentId, active.lang, resolved, user.name),
                    )
                  }
                  onCancelReject={() => setRejecting(null)}
                />
              ) : (
                <HistoryPanel
                  revisions={revisions ?? []}
                  onRestore={(id) => void run(() => restoreRevision(db, id, user.name))}
                />
              )}
            </SidePanel>
          )}
        </div>
      )}
      {dialog === "export" && <ExportDialog docId={docId} onClose={() => setDialog(null)} />}
      {dialog === "import" && (
        <ImportIntoDocumentDialog docId={docId} user={user.name} onClose={() => setDialog(null)} />
      )}
      {typeof dialog === "object" && dialog !== null && segments?.[dialog.split] && (
        <SplitDialog
          source={segments[dialog.split]!.source}
          n={dialog.split + 1}
          onClose={() => setDialog(null)}
          onSplit={(offset) => {
            const segment = segments[dialog.split]!;
            setDialog(null);
            void run(() => splitSegment(db, docId, segment.id, offset, user.name));
          }}
        />
      )}
      {dialog === "help" && <ShortcutSheet role={user.role} onClose={() => setDialog(null)} />}
      {dialog === "replace" && segments && translations && (
        <FindReplaceDialog
          docId={docId}
          segments={segments}
          visible={visible}
          translations={translations}
          user={user.name}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
