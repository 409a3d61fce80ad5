import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { useCustomSegmentation, useHistoryState } from "../../db/hooks.ts";
import { setStatus } from "../../db/operations/review.ts";
import { redo, undo, type HistoryStep } from "../../db/operations/history.ts";
import {
  applyAlignment,
  applyRealign,
  editCell,
  prepareRealign,
  type CellEdit,
} from "../../db/operations/cell-edits.ts";
import { getCustomSegmentation } from "../../db/operations/segmentation-settings.ts";
import { NO_CUSTOM_SEGMENTATION, effectiveRules } from "../../core/segment/custom-rules.ts";
import { segmentTranslation } from "../../core/align/align-translation.ts";
import { realignAsync } from "../workers/align-async.ts";
import { isAppError } from "../../core/model/app-error.ts";
import { AlignDialog } from "./align-dialog.tsx";
import { CellTools } from "./cell-tools.tsx";
import { exampleTranslationFor } from "./align-example.ts";
import { AlignmentMinimap } from "./alignment-minimap.tsx";
import { nextSuspiciousRow, SUSPICIOUS_BELOW } from "../../core/align-edit/layout.ts";
import { translationId } from "../../core/model/records.ts";
import { targetLangsFor, type TargetLang } from "../../core/model/languages.ts";
import { countWords } from "../../core/text/word-count.ts";
import { useAutosave } from "../app/autosave-context.ts";
import { useUser } from "../app/use-user.ts";
import { useTeam } from "../team/team-context.tsx";
import { PresenceNames, useReportPresence } from "../team/presence.tsx";
import { documentHref, navigate } from "../app/use-hash-route.ts";
import { AlignmentGrid, type GridHandle } from "./alignment-grid.tsx";
import type { CellRef, CellTool } from "./cells/target-cell.tsx";
import { ExportDialog } from "../export/export-dialog.tsx";
import { ShortcutSheet } from "./shortcut-sheet.tsx";
import { GridProgress } from "./grid-progress.tsx";
import { FilterBar } from "./filter-bar.tsx";
import { FindHighlightContext, useFindHighlight } from "./find-highlight.tsx";
import { EMPTY_FILTER, filterFromParams, filterToParams } from "./filter-url.ts";
import { useGridData } from "./use-grid-data.ts";
import { useRepetitionNotice } from "./use-repetition-notice.ts";
import {
  isFindingKey,
  isGoToSegmentKey,
  isShowShortcutsKey,
  moveFocus,
  type CellCommand,
} from "./grid-keyboard.ts";
import { GoToDialog } from "./go-to-dialog.tsx";
import { FindReplaceDialog } from "./find-replace-dialog.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { FormError } from "../shared/error-text.tsx";
import { useConfirm } from "../shared/confirm-dialog.tsx";
import { CellDetails, type Panel } from "./cell-details.tsx";
import { GridToolbar, type ToolbarAction } from "./grid-toolbar.tsx";
import { cellEditFor, nextAwaitingReview } from "./grid-model.ts";
import { SplitDialog } from "./split-dialog.tsx";
import { ConflictDialog } from "./conflict-dialog.tsx";
import { resolveCellConflict } from "../../db/operations/resolve-conflict.ts";
import { ImportIntoDocumentDialog } from "./import-into-document-dialog.tsx";
import { TmPanel } from "../tm/tm-panel.tsx";
import { GlossaryPanel } from "../glossary/glossary-panel.tsx";
import { useDocumentQa } from "../qa/use-document-qa.ts";
import { QaContext, useQaSnapshot } from "../qa/qa-context.ts";
import { qaFilterFrom, type QaFilter } from "../qa/qa-filter.ts";
import { nextFindingCell } from "../qa/qa-store.ts";
import { QaPanel, SEVERITIES } from "../qa/qa-panel.tsx";
import { QaButton } from "../qa/qa-button.tsx";
import { useConfirmCheck } from "../qa/use-confirm-check.tsx";
import type { Severity } from "../../core/qa/types.ts";
import {
  mergeWithNext,
  resegmentDocument,
  manualBoundaries,
  splitSegment,
} from "../../db/operations/segment-edits.ts";

type OpenDialog =
  null | "export" | "help" | "replace" | "import" | "align" | "goto" | { split: number };

export function GridPage({ docId, params }: { docId: string; params: URLSearchParams }) {
  const { t } = useTranslation(["grid", "common", "plans", "a11y", "qa"]);
  const db = useDb();
  const autosave = useAutosave();
  const localUser = useUser();
  const paramString = params.toString();
  const filter = useMemo(() => filterFromParams(new URLSearchParams(paramString)), [paramString]);
  const findHighlight = useFindHighlight(filter.query);
  // The row being edited stays in a filtered view until focus leaves it (see keepOrDropPin).
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  const {
    doc,
    segments,
    complete,
    translations,
    view,
    comments,
    visible: dataVisible,
    error: filterError,
  } = useGridData(docId, filter, pinnedId);
  // In a team project, changes and comments carry the signed-in account's name.
  const team = useTeam();
  const teamName = doc?.projectId && team.account ? team.account.name : null;
  const user = useMemo(
    () => (teamName ? { ...localUser, name: teamName } : localUser),
    [localUser, teamName],
  );
  const history = useHistoryState(docId);
  const customSegmentation = useCustomSegmentation();
  const sourceLang = doc?.sourceLang ?? "id";
  const langs = useMemo(() => targetLangsFor(sourceLang), [sourceLang]);
  // Word counts feed only the header figures: computed after the rows are painted.
  const deferredSegments = useDeferredValue(segments, undefined);
  const wordCounts = useMemo(
    () => deferredSegments?.map((s) => countWords(s.source)) ?? [],
    [deferredSegments],
  );
  const gridRef = useRef<GridHandle>(null);
  const [active, setActive] = useState<CellRef | null>(null);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [rejecting, setRejecting] = useState<CellRef | null>(null);
  const [conflictOf, setConflictOf] = useState<CellRef | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const { error: actionError, run } = useErrorAction();
  const [notice, setNotice] = useState<string | null>(null);
  // A confirm that filled repetitions says how many (one undo takes them back with it).
  useRepetitionNotice(docId, setNotice);
  const confirm = useConfirm();
  const [realigning, setRealigning] = useState<{
    lang: TargetLang;
    fraction: number;
    cancel: () => void;
  } | null>(null);
  const activeKey = active ? translationId(active.segmentId, active.lang) : null;
  useReportPresence(docId, active);
  // QA (issue 12): the document checked in the QA worker, typed cells on the main thread.
  const qa = useDocumentQa(docId, doc?.sourceLang, langs, segments, view, complete);
  const { intercept: qaIntercept, dialog: qaConfirmDialog } = useConfirmCheck(qa);
  // The filter bar's "has QA errors / warnings" (`qa=error|warning` in the address): the rows
  // with such a finding, and the row being edited.
  const qaFilter = qaFilterFrom(params.get("qa"));
  const qaWatch = useQaSnapshot(qaFilter ? qa : null);
  const visible = useMemo(() => {
    if (!qaFilter || !qa) return dataVisible;
    void qaWatch.version;
    const rows = new Set<number>();
    for (const f of qa.findings()) if (f.finding.severity === qaFilter) rows.add(f.row);
    return dataVisible.filter((i) => rows.has(i) || segments?.[i]?.id === pinnedId);
  }, [qaFilter, qa, qaWatch.version, dataVisible, segments, pinnedId]);
  const [qaOpen, setQaOpen] = useState(false);
  const [qaShown, setQaShown] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const visibleSet = useMemo(() => new Set(visible), [visible]);
  // F8 / Shift+F8: the next or previous cell with a finding the panel lists, among the rows shown.
  const goToFinding = useCallback(
    (from: { index: number; lang: TargetLang } | null, direction: 1 | -1) => {
      const next = nextFindingCell(
        qa?.findings() ?? [],
        from,
        direction,
        langs,
        (i) => visibleSet.has(i),
        qaShown,
      );
      if (!next) {
        setNotice(t("qa:next.none"));
        return;
      }
      const row = visible.indexOf(next.index);
      if (row >= 0) gridRef.current?.focusCell(row, next.lang);
    },
    [qa, langs, visibleSet, visible, qaShown, t],
  );

  // Every command first stores what is being typed, so it acts on the text the user sees; the save
  // state says "saving" until the command is stored too.
  const runSaved = useCallback(
    <T,>(task: () => Promise<T>) =>
      run(() => autosave.track(async () => (await autosave.flush(), task()))),
    [run, autosave],
  );
  // Undo and redo bring the cell they changed into view and focus (issue 13 item 15); a cell the
  // filter hides is named in the notice instead.
  const showStep = useCallback(
    (step: HistoryStep | null) => {
      const place = step?.place;
      if (!place || !segments) return;
      const index = segments.findIndex((s) => s.id === place.segmentId);
      if (index < 0) return;
      const lang = place.lang && langs.includes(place.lang) ? place.lang : langs[0];
      const row = visible.indexOf(index);
      if (row >= 0 && lang) gridRef.current?.focusCell(row, lang);
      else setNotice(t("grid:stepHidden", { n: index + 1 }));
    },
    [segments, langs, visible, t],
  );
  const segmentNumber = useCallback(
    (id: string) => {
      const index = segments?.findIndex((s) => s.id === id) ?? -1;
      return index < 0 ? null : index + 1;
    },
    [segments],
  );
  const walkHistory = useCallback(
    async (walk: typeof undo) => {
      let step: HistoryStep | null = null;
      await runSaved(async () => {
        step = await walk(db, docId, user.name);
      });
      showStep(step);
    },
    [runSaved, db, docId, user.name, showStep],
  );
  const doUndo = useCallback(() => walkHistory(undo), [walkHistory]);
  const doRedo = useCallback(() => walkHistory(redo), [walkHistory]);
  // The focused cell's command runner, for the alignment toolbar.
  const activeTool = useRef<CellTool | null>(null);
  const onFocusCell = useCallback((cell: CellRef, tool: CellTool) => {
    setActive(cell);
    setPinnedId(cell.segmentId);
    activeTool.current = tool;
  }, []);
  // Focus left a cell: the pin goes when focus is outside the grid, its side panel and the cell
  // tools (another cell pins its own row on focus).
  const keepOrDropPin = useCallback(() => {
    setTimeout(() => {
      const now = document.activeElement;
      if (now && now !== document.body && now.closest(".grid-layout, .cell-tools")) return;
      setPinnedId(null);
    }, 0);
  }, []);
  // Per target column, for the banners and the overview: read once per change of the data.
  const columnState = useMemo(
    () =>
      langs.map((lang) => ({
        lang,
        layout: view?.layouts[lang],
        aligned: !!view?.columns[lang]?.some((c) => c.origin === "alignment"),
        /** Text pushed past the last source row: listed, not exported. */
        overflow: (view?.layouts[lang]?.overflow ?? []).filter((c) => c.text.trim() !== ""),
      })),
    [view, langs],
  );
  const sourceSentences = useMemo(
    () => segments?.map((s) => ({ text: s.source, paragraph: s.paragraph })) ?? [],
    [segments],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isShowShortcutsKey(e)) {
        e.preventDefault();
        setDialog("help");
      } else if (isGoToSegmentKey(e) && !document.querySelector("dialog[open]")) {
        e.preventDefault();
        void autosave.flush();
        setDialog("goto");
      } else if (
        isFindingKey(e) &&
        !e.defaultPrevented &&
        !document.querySelector("dialog[open]")
      ) {
        // Outside a cell (the QA panel, the toolbar): from the last focused cell.
        e.preventDefault();
        goToFinding(active, e.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [autosave, goToFinding, active]);

  const onRowAction = useCallback(
    (action: "split" | "merge", index: number) => {
      const segment = segments?.[index];
      if (!segment) return;
      if (action === "split") setDialog({ split: index });
      else void runSaved(() => mergeWithNext(db, docId, segment.id, user.name));
    },
    [segments, runSaved, db, docId, user.name],
  );
  const onCommand = useCallback(
    (command: CellCommand, cell: CellRef, text: string, caret?: number) => {
      const target = {
        segmentId: cell.segmentId,
        lang: cell.lang,
        ...(cell.cellId ? { cellId: cell.cellId } : {}),
      };
      const edit = (e: CellEdit) =>
        void runSaved(async () => {
          await editCell(db, {
            docId,
            lang: cell.lang,
            segmentId: cell.segmentId,
            edit: e,
            user: user.name,
          });
          gridRef.current?.focusCell(cell.row, cell.lang);
        });
      const locked = !!translations?.get(translationId(cell.segmentId, cell.lang))?.locked;
      const cellEdit = cellEditFor(command, { offset: caret ?? text.length, locked });
      if (cellEdit) {
        edit(cellEdit);
        return;
      }
      switch (command) {
        case "nextSuspicious": {
          const layout = view?.layouts[cell.lang];
          const next = layout
            ? nextSuspiciousRow(layout, cell.index, SUSPICIOUS_BELOW, view.shifted)
            : -1;
          const row = next < 0 ? -1 : visible.indexOf(next);
          if (row >= 0) gridRef.current?.focusCell(row, cell.lang);
          else setNotice(t("grid:noSuspicious", { lang: t(`common:lang.${cell.lang}`) }));
          return;
        }
        case "confirmAndNext": {
          // Journaled and written like typed text (one durable path): a reload right after keeps it.
          const confirmAndMove = () => {
            void autosave.confirm({ ...target, text, user: user.name });
            const to = moveFocus(
              { row: cell.row, lang: cell.lang },
              command,
              visible.length,
              langs,
            );
            if (to) gridRef.current?.focusCell(to.row, to.lang);
          };
          // A text with a QA error asks first: confirm anyway, or back to the cell to fix it.
          const fix = () => gridRef.current?.focusCell(cell.row, cell.lang);
          if (!qaIntercept(cell, text, confirmAndMove, fix)) confirmAndMove();
          return;
        }
        case "approveAndNext": {
          const approveAndMove = () => {
            void runSaved(() =>
              setStatus(db, {
                changes: [target],
                action: "approve",
                user: user.name,
                role: user.role,
              }),
            );
            const to = moveFocus(
              { row: cell.row, lang: cell.lang },
              command,
              visible.length,
              langs,
            );
            if (to) gridRef.current?.focusCell(to.row, to.lang);
          };
          // The findings are beside Approve; an error asks once (approve anyway, or back).
          const back = () => gridRef.current?.focusCell(cell.row, cell.lang);
          if (!qaIntercept(cell, text, approveAndMove, back, "approve")) approveAndMove();
          return;
        }
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
        case "conflict":
          void autosave.flush();
          setActive(cell);
          setConflictOf(cell);
          return;
        case "splitSource":
          void autosave.flush();
          setDialog({ split: cell.index });
          return;
        case "mergeSource":
          onRowAction("merge", cell.index);
          return;
        case "nextFinding":
        case "prevFinding":
          goToFinding(cell, command === "nextFinding" ? 1 : -1);
          return;
        case "qaPanel":
          setActive(cell);
          setPanel(null);
          setQaOpen(true);
          return;
        case "nextAwaiting": {
          const next =
            segments && translations
              ? nextAwaitingReview(cell, segments, visible, translations, langs)
              : null;
          if (next) gridRef.current?.focusCell(next.row, next.lang);
          return;
        }
        default:
          break;
      }
      const next = moveFocus({ row: cell.row, lang: cell.lang }, command, visible.length, langs);
      if (next) gridRef.current?.focusCell(next.row, next.lang);
    },
    [
      runSaved,
      onRowAction,
      autosave,
      db,
      user,
      doUndo,
      doRedo,
      segments,
      translations,
      view,
      visible,
      docId,
      langs,
      t,
      goToFinding,
      qaIntercept,
    ],
  );

  const resegment = async () => {
    // Manual splits and merges are applied again (issue 13 item 7): say so, with their count.
    const manual = (await manualBoundaries(db, docId)).length;
    const ok = await confirm.ask({
      action: t("grid:resegment"),
      message:
        manual > 0
          ? `${t("grid:resegmentConfirm")} ${t("plans:resegment.manualKept", { count: manual })}`
          : t("grid:resegmentConfirm"),
    });
    if (!ok) return;
    void runSaved(async () => {
      const changed = await resegmentDocument(db, docId, user.name);
      setNotice(changed === 0 ? t("grid:resegmentNone") : t("grid:resegmentDone"));
    });
  };

  const onToolbar = (action: ToolbarAction) => {
    if (action === "undo") void doUndo();
    else if (action === "redo") void doRedo();
    else if (action === "resegment") void resegment();
    else if (action === "approveVisible") void approveVisible();
    else if (action === "realign") realign();
    else if (action === "align") {
      void autosave.flush();
      setDialog("align");
    } else setDialog(action);
  };

  // Re-aligns the unconfirmed cells of the active cell's language between the confirmed ones.
  const realign = () => {
    const lang = active?.lang ?? langs[0];
    if (!lang) return;
    const langName = t(`common:lang.${lang}`);
    void runSaved(async () => {
      const segmentation = await getCustomSegmentation(db);
      const split = (text: string) => segmentTranslation(text, lang, segmentation).sentences;
      const prepared = await prepareRealign(db, docId, lang, split);
      if (prepared.request.gaps.length === 0 || prepared.column.length === 0) {
        setNotice(t("grid:realignNone", { lang: langName }));
        return;
      }
      const task = realignAsync(
        {
          source: sourceSentences,
          sourceLang,
          targetLang: lang,
          targetSentences: prepared.request.targetSentences,
          fixedLinks: prepared.request.fixedLinks,
        },
        (fraction) => setRealigning((r) => (r ? { ...r, fraction } : r)),
      );
      setRealigning({ lang, fraction: 0, cancel: task.cancel });
      let plan;
      try {
        plan = await task.promise;
      } catch (error) {
        if (isAppError(error) && error.code === "align.aborted") {
          setNotice(t("grid:realignCancelled"));
          return;
        }
        throw error;
      } finally {
        setRealigning(null);
      }
      const changed = await applyRealign(db, docId, lang, prepared, plan, user.name);
      setNotice(t(changed ? "grid:realignDone" : "grid:realignNone", { lang: langName }));
    });
  };

  const setFilter = (next: typeof filter, qaNext: QaFilter | null = qaFilter) => {
    const query = filterToParams(next);
    if (qaNext) query.set("qa", qaNext);
    navigate(documentHref(docId, query));
  };

  const approveVisible = async () => {
    if (!segments) return;
    const changes = visible.flatMap((i) =>
      langs.map((lang) => ({ segmentId: segments[i]!.id, lang })),
    );
    const count = changes.filter((c) => {
      const tr = translations?.get(translationId(c.segmentId, c.lang));
      return tr && tr.text.trim() !== "" && tr.status !== "approved";
    }).length;
    if (count === 0) return;
    // The reviewer sees how many of them still have QA errors (not dismissed) before approving.
    const approvable = new Set(
      changes
        .filter((c) => {
          const tr = translations?.get(translationId(c.segmentId, c.lang));
          return tr && tr.text.trim() !== "" && tr.status !== "approved";
        })
        .map((c) => translationId(c.segmentId, c.lang)),
    );
    const withErrors = new Set(
      (qa?.findings() ?? [])
        .filter((f) => f.finding.severity === "error")
        .map((f) => translationId(f.segmentId, f.lang))
        .filter((key) => approvable.has(key)),
    ).size;
    const ok = await confirm.ask({
      action: t("grid:approveVisible"),
      message:
        withErrors > 0
          ? `${t("grid:approveVisibleConfirm", { count })} ${t("qa:approve.visibleErrors", { count: withErrors })}`
          : t("grid:approveVisibleConfirm", { count }),
    });
    if (!ok) return;
    void runSaved(() =>
      setStatus(db, { changes, action: "approve", user: user.name, role: user.role }),
    );
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
  const loading = !doc || !segments || !translations || !view || !comments;
  const thread = activeKey ? (comments?.get(activeKey) ?? []) : [];

  return (
    <section className={`grid-page role-${user.role}`} data-testid="grid-page" aria-busy={loading}>
      <div className="page-head">
        <a href="#/" className="back" data-testid="back-to-list">
          ← {t("grid:backToList")}
        </a>
        <h1>{doc?.title ?? "…"}</h1>
        <PresenceNames />
        {!loading && (
          <div className="grid-progress-group">
            {langs.map((lang) => (
              <GridProgress
                key={lang}
                lang={lang}
                segments={segments}
                wordCounts={wordCounts}
                translations={view.covering}
              />
            ))}
          </div>
        )}
        <GridToolbar
          history={history}
          segmentNumber={segmentNumber}
          complete={complete}
          role={user.role}
          onAction={onToolbar}
        />
        <CellTools active={active} onCommand={(command) => activeTool.current?.(command)} />
        <QaButton
          store={qa}
          open={qaOpen}
          onToggle={() => {
            setPanel(null);
            setQaOpen((o) => !o);
          }}
        />
      </div>
      <FilterBar
        filter={filter}
        langs={langs}
        onChange={(next) => setFilter(next)}
        qa={qaFilter}
        onQaChange={(next) => setFilter(filter, next)}
        onClear={() => setFilter(EMPTY_FILTER, null)}
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
      {realigning && (
        <div className="banner realigning" role="status" data-testid="realign-progress">
          <span>{t("grid:realigning", { lang: t(`common:lang.${realigning.lang}`) })}</span>
          <progress
            max={1}
            value={realigning.fraction}
            aria-label={t("grid:realigning", { lang: t(`common:lang.${realigning.lang}`) })}
          />
          <button type="button" data-testid="realign-cancel" onClick={realigning.cancel}>
            {t("common:cancel")}
          </button>
        </div>
      )}
      <FormError error={filterError ?? actionError} />
      {columnState.map(({ lang, overflow: withText }) => {
        if (withText.length === 0) return null;
        return (
          <div
            className="banner overflow"
            role="status"
            key={lang}
            data-testid={`overflow-${lang}`}
          >
            <p>{t("grid:overflow", { count: withText.length, lang: t(`common:lang.${lang}`) })}</p>
            <ul>
              {withText.map((c) => (
                <li key={c.id} lang={lang}>
                  {c.text}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {loading ? (
        <p className="loading" role="status">
          {t("common:loading")}
        </p>
      ) : (
        <QaContext.Provider value={qa}>
          <FindHighlightContext.Provider value={findHighlight}>
            <div className="grid-layout" onBlur={keepOrDropPin}>
              <div className="grid-with-minimap">
                <AlignmentGrid
                  handle={gridRef}
                  docId={docId}
                  segments={segments}
                  totalRows={doc.segmentCount}
                  visible={visible}
                  translations={translations}
                  view={view}
                  comments={comments}
                  sourceLang={doc.sourceLang}
                  langs={langs}
                  user={user.name}
                  role={user.role}
                  onCommand={onCommand}
                  onFocusCell={onFocusCell}
                  onRowAction={onRowAction}
                />
                <div className="minimaps">
                  {columnState.map(({ lang, layout, aligned }) => {
                    return layout && aligned ? (
                      <AlignmentMinimap
                        key={lang}
                        lang={lang}
                        layout={layout}
                        threshold={SUSPICIOUS_BELOW}
                        shifted={view.shifted}
                        onGo={(row) => {
                          const at = visible.indexOf(row);
                          if (at >= 0) gridRef.current?.focusCell(at, lang);
                        }}
                      />
                    ) : null;
                  })}
                </div>
              </div>
              {panel && active && (
                <CellDetails
                  panel={panel}
                  cell={active}
                  thread={thread}
                  rejecting={
                    rejecting?.segmentId === active.segmentId && rejecting.lang === active.lang
                  }
                  user={user}
                  run={run}
                  onPanel={setPanel}
                  onClose={() => {
                    setPanel(null);
                    setRejecting(null);
                    // Back to the cell the panel was about.
                    const row = visible.indexOf(active.index);
                    if (row >= 0) gridRef.current?.focusCell(row, active.lang);
                  }}
                  onRejected={() => setRejecting(null)}
                />
              )}
              {qaOpen && !(panel && active) && (
                <QaPanel
                  store={qa}
                  user={user.name}
                  shown={qaShown}
                  onShown={setQaShown}
                  isVisible={(i) => visibleSet.has(i)}
                  onGo={(index, lang) => {
                    const row = visible.indexOf(index);
                    if (row >= 0) gridRef.current?.focusCell(row, lang);
                  }}
                  onClose={() => {
                    setQaOpen(false);
                    const row = active ? visible.indexOf(active.index) : -1;
                    if (active && row >= 0) gridRef.current?.focusCell(row, active.lang);
                  }}
                />
              )}
              {/* Matches above, glossary below: one column beside the grid, not two. */}
              <div className="side-stack">
                <TmPanel
                  active={active}
                  segments={segments}
                  sourceLang={doc.sourceLang}
                  langs={langs}
                  user={user.name}
                  hidden={!!(panel && active) || qaOpen}
                  focusCell={(row, lang) => gridRef.current?.focusCell(row, lang)}
                />
                <GlossaryPanel
                  active={active}
                  segments={segments}
                  sourceLang={doc.sourceLang}
                  langs={langs}
                  hidden={!!(panel && active) || qaOpen}
                />
              </div>
            </div>
          </FindHighlightContext.Provider>
        </QaContext.Provider>
      )}
      {dialog === "export" && <ExportDialog docId={docId} onClose={() => setDialog(null)} />}
      {conflictOf &&
        (() => {
          const record = translations?.get(translationId(conflictOf.segmentId, conflictOf.lang));
          if (!record || (record.competing?.length ?? 0) === 0) return null;
          const close = () => {
            const back = conflictOf;
            setConflictOf(null);
            const row = visible.indexOf(back.index);
            if (row >= 0) gridRef.current?.focusCell(row, back.lang);
          };
          return (
            <ConflictDialog
              key={record.id}
              cell={record}
              row={conflictOf.index + 1}
              onClose={close}
              onResolve={(choice, expected) =>
                resolveCellConflict(db, { cellId: record.id, choice, expected, user: user.name })
              }
            />
          );
        })()}
      {dialog === "import" && (
        <ImportIntoDocumentDialog
          docId={docId}
          user={user.name}
          onClose={() => setDialog(null)}
          onDone={setNotice}
        />
      )}
      {typeof dialog === "object" && dialog !== null && segments?.[dialog.split] && (
        <SplitDialog
          source={segments[dialog.split]!.source}
          n={dialog.split + 1}
          lang={sourceLang}
          rules={effectiveRules(customSegmentation ?? NO_CUSTOM_SEGMENTATION)}
          onClose={() => setDialog(null)}
          onSplit={(offset) => {
            const segment = segments[dialog.split]!;
            setDialog(null);
            void run(() => splitSegment(db, docId, segment.id, offset, user.name));
          }}
        />
      )}
      {dialog === "align" && segments && doc && (
        <AlignDialog
          onClose={() => setDialog(null)}
          sourceSentences={sourceSentences}
          sourceLang={doc.sourceLang}
          targetLangs={langs}
          {...(active ? { initialLang: active.lang } : {})}
          hasExisting={(lang) => !!view?.columns[lang]?.some((c) => c.text.trim() !== "")}
          exampleText={(lang) => exampleTranslationFor(doc.origin, lang)}
          customSegmentation={customSegmentation ?? NO_CUSTOM_SEGMENTATION}
          onApply={async (lang, result) => {
            await applyAlignment(db, {
              docId,
              lang,
              plan: result.plan,
              targetSentences: result.targetSentences,
              user: user.name,
            });
            setActive(null);
            gridRef.current?.focusCell(0, lang);
          }}
        />
      )}
      {confirm.dialog}
      {qaConfirmDialog}
      {dialog === "help" && <ShortcutSheet role={user.role} onClose={() => setDialog(null)} />}
      {dialog === "goto" && segments && (
        <GoToDialog
          count={doc?.segmentCount ?? segments.length}
          current={active ? active.index + 1 : null}
          onClose={() => setDialog(null)}
          onGo={(n) => {
            const row = visible.indexOf(n - 1);
            if (row < 0) return t("grid:goTo.hidden", { n });
            setDialog(null);
            gridRef.current?.focusCell(row, active?.lang ?? langs[0] ?? "vi");
            return null;
          }}
        />
      )}
      {dialog === "replace" && segments && translations && (
        <FindReplaceDialog
          docId={docId}
          segments={segments}
          visible={visible}
          translations={translations}
          user={user.name}
          onClose={() => setDialog(null)}
          onReplaced={(count, segmentCount) =>
            setNotice(
              t("a11y:replace.done", {
                count,
                segments: t("a11y:replace.segments", { count: segmentCount }),
              }),
            )
          }
        />
      )}
    </section>
  );
}
