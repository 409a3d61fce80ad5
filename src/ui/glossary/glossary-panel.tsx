import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLiveQuery } from "dexie-react-hooks";
import { useDb } from "../../db/db-context.ts";
import {
  addConcept,
  deleteConcept,
  exportGlossary,
  importGlossary,
  resolveConceptConflict,
  updateConcept,
  type GlossaryStep,
} from "../../db/operations/glossary.ts";
import { redo, undo } from "../../db/operations/history.ts";
import { useAutosave } from "../app/autosave-context.ts";
import { useUser } from "../app/use-user.ts";
import { useTeam } from "../team/team-context.tsx";
import { TermMatcher, type TermHit } from "../../core/glossary/find-terms.ts";
import type { GlossaryConcept, GlossaryTerm } from "../../core/glossary/model.ts";
import type { SegmentRecord } from "../../core/model/records.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { CellRef } from "../grid/cells/target-cell.tsx";
import { useConfirm } from "../shared/confirm-dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { importErrorInfo } from "../documents/import-error.ts";
import { downloadText, readFileBytes } from "../shared/download.ts";
import { historyKey, insertTermKey, isAddTermKey, typeIntoField } from "./glossary-keys.ts";
import { TermDialog, type TermInput } from "./term-dialog.tsx";
import "../tm/tm-panel.css";
import "./glossary-panel.css";

export interface GlossaryPanelProps {
  active: CellRef | null;
  segments: readonly SegmentRecord[];
  sourceLang: string;
  langs: readonly TargetLang[];
  /** Another panel takes the place: keys still work, nothing is shown. */
  hidden?: boolean;
}

/** The term to insert for a language: its first preferred or admitted term, never a forbidden one. */
export function termFor(hit: TermHit, lang: string): GlossaryTerm | null {
  return (hit.translations[lang] ?? []).find((t) => t.status !== "forbidden") ?? null;
}

/** The target field of the focused cell, if it is on the page. */
function targetField(cell: CellRef): HTMLTextAreaElement | null {
  const el = document.querySelector(`[data-testid="target-${cell.lang}-${cell.index}"]`);
  return el instanceof HTMLTextAreaElement ? el : null;
}

function selectedSourceText(): string {
  const el = document.activeElement;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const { selectionStart: s, selectionEnd: e } = el;
    if (s !== null && e !== null && e > s) return el.value.slice(s, e);
  }
  return window.getSelection()?.toString() ?? "";
}

/**
 * The project glossary beside the grid: the terms of the focused row's source (the core matcher,
 * Indonesian inflections included) with their translations, `Ctrl+Alt+1` … `9` or a click to type
 * term n into the focused cell, `Ctrl+Shift+G` to add a term from the selection, edit or delete a
 * listed concept; import (TBX, CSV, TSV, all or nothing) and export (TBX, CSV). Each change is an
 * undo step of the open document (the app's Undo: the toolbar, `Ctrl+Z` in a cell, or here in the
 * panel; `Ctrl+Y` / `Ctrl+Shift+Z` redo) and, in a team project, goes to the team; a concept another
 * member changed at the same time shows their version with "Use this version" / "Keep current".
 */
export function GlossaryPanel(props: GlossaryPanelProps) {
  const { active, segments, sourceLang, langs, hidden = false } = props;
  const { t } = useTranslation(["tm", "common", "grid"]);
  const db = useDb();
  const autosave = useAutosave();
  const concepts = useLiveQuery(() => db.glossary.toArray(), [db]);
  const byId = useMemo(
    () => new Map<string, GlossaryConcept>((concepts ?? []).map((c) => [c.id, c])),
    [concepts],
  );
  const conflicts = useMemo(
    () => (concepts ?? []).filter((c) => (c.competing?.length ?? 0) > 0).length,
    [concepts],
  );
  // Glossary commands are undo steps of the open document, stamped as the grid stamps its own
  // (the team account's name in a shared document).
  const docId = segments[0]?.docId;
  const doc = useLiveQuery(
    async () => (docId ? await db.documents.get(docId) : undefined),
    [db, docId],
  );
  const localUser = useUser();
  const team = useTeam();
  const userName = doc?.projectId && team.account ? team.account.name : localUser.name;
  // A viewer of the open document's team project reads the glossary only (the server refuses
  // their changes: the buttons that make them are not offered).
  const role = useLiveQuery(
    async () => (doc?.projectId ? ((await db.syncState.get(doc.projectId))?.role ?? null) : null),
    [db, doc?.projectId],
  );
  const readOnly = role === "viewer";
  const step: GlossaryStep | undefined = useMemo(
    () => (docId ? { docId, user: userName } : undefined),
    [docId, userName],
  );
  const matcher = useMemo(
    () => new TermMatcher({ concepts: concepts ?? [] }, { sourceLang }),
    [concepts, sourceLang],
  );
  const segment = active ? segments[active.index] : undefined;
  const hits = useMemo(() => (segment ? matcher.find(segment.source) : []), [matcher, segment]);
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  /** The concept being edited and its first term per language. */
  const [editing, setEditing] = useState<{ id: string; terms: TermInput[] } | null>(null);
  const confirm = useConfirm();
  const { error, run } = useErrorAction();
  const fileRef = useRef<HTMLInputElement>(null);
  const lastCell = useRef<CellRef | null>(null);
  if (active) lastCell.current = active;

  useEffect(() => setNotice(null), [segment?.id]);

  const insert = useCallback(
    (n: number) => {
      const cell = active ?? lastCell.current;
      if (!cell) return;
      const hit = hits[n - 1];
      const lang = t(`common:langInText.${cell.lang}`);
      if (!hit) {
        setNotice(t("tm:glossary.missing", { n }));
        return;
      }
      const term = termFor(hit, cell.lang);
      const field = targetField(cell);
      if (!term) {
        setNotice(t("tm:glossary.noTerm", { n, lang }));
        return;
      }
      if (!field) return;
      typeIntoField(field, term.text);
      setNotice(t("tm:glossary.inserted", { term: term.text, lang, row: cell.index + 1 }));
    },
    [active, hits, t],
  );

  // The app's Undo and Redo with the focus in the panel (a cell's own keys are the grid's).
  const walk = useCallback(
    (which: "undo" | "redo") =>
      void run(async () => {
        if (!step) return;
        await autosave.flush();
        const done = await (which === "undo" ? undo : redo)(db, step.docId, step.user);
        const what = done
          ? t(`grid:history.action.${done.label}` as "grid:history.action.edit")
          : "";
        setNotice(
          done
            ? t(which === "undo" ? "tm:glossary.undone" : "tm:glossary.redone", { what })
            : t(which === "undo" ? "tm:glossary.nothingToUndo" : "tm:glossary.nothingToRedo"),
        );
      }),
    [run, step, autosave, db, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const history = historyKey(e);
      if (history) {
        const el = document.activeElement;
        // Text fields keep their own undo; dialogs (the term dialog, a question) are theirs.
        if (!el || !el.closest('[data-testid="glossary-panel"]')) return;
        if (el.closest('[role="dialog"], [role="alertdialog"]')) return;
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return;
        if (el instanceof HTMLSelectElement) return;
        e.preventDefault();
        e.stopPropagation();
        walk(history);
        return;
      }
      const n = insertTermKey(e);
      if (n !== null) {
        const el = document.activeElement;
        if (!el || !el.closest(".grid-layout")) return;
        e.preventDefault();
        e.stopPropagation();
        insert(n);
        return;
      }
      if (isAddTermKey(e) && !readOnly) {
        const el = document.activeElement;
        if (!el || !el.closest(".grid-layout")) return;
        e.preventDefault();
        e.stopPropagation();
        setAdding(selectedSourceText().replace(/⟦\d+⟧/gu, " ").replace(/\s+/gu, " ").trim());
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [insert, walk, readOnly]);

  // An import is all or nothing: refused for lack of space, it says nothing was imported and how
  // to make room, as the document import does (not the autosave's storage-full line).
  const onFile = (file: File) =>
    void run(async () => {
      const result = await importGlossary(db, await readFileBytes(file), file.name, step);
      setNotice(t("tm:glossary.imported", { count: result.added, file: file.name }));
    }, importErrorInfo);

  // Back to the cell once the dialog is gone (a modal dialog keeps the page inert while open, so
  // the cell could not take the focus before): Ctrl+Z there is the app's Undo of the change.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || adding !== null || editing) return;
    setRefocus(false);
    const cell = lastCell.current;
    if (cell) targetField(cell)?.focus();
  }, [refocus, adding, editing]);
  const backToCell = () => setRefocus(true);
  const edit = (hit: TermHit) => {
    const concept = concepts?.find((c) => c.id === hit.conceptId);
    if (!concept) return;
    const terms = ["id", ...langs].flatMap((lang) => {
      const term = concept.terms.find((x) => x.lang === lang);
      return term
        ? [{ lang, text: term.text, ...(term.status ? { status: term.status } : {}) }]
        : [];
    });
    setEditing({ id: concept.id, terms });
  };
  const remove = async (hit: TermHit) => {
    const ok = await confirm.ask({
      action: t("tm:glossary.delete"),
      message: t("tm:glossary.deleteAsk", { term: hit.term.text }),
      danger: true,
    });
    if (!ok) return;
    await run(async () => {
      await deleteConcept(db, hit.conceptId, step);
      setNotice(t("tm:glossary.deleted", { term: hit.term.text }));
    });
  };
  const resolve = (id: string, choice: "current" | number, term: string) =>
    void run(async () => {
      await resolveConceptConflict(db, id, choice, step);
      setNotice(t("tm:glossary.resolved", { term }));
    });
  const exportAs = (format: "tbx" | "csv") =>
    void run(async () =>
      downloadText(
        `glossary.${format}`,
        await exportGlossary(db, format),
        format === "tbx" ? "application/x-tbx" : "text/csv",
      ),
    );

  const dialog = (
    <>
      {adding !== null && (
        <TermDialog
          mode="add"
          initial={[{ lang: "id", text: adding }]}
          langs={langs}
          onClose={() => {
            setAdding(null);
            backToCell();
          }}
          onSave={async (terms) => {
            await addConcept(db, { terms }, step);
            setNotice(t("tm:glossary.added", { term: terms[0]!.text }));
          }}
        />
      )}
      {editing && (
        <TermDialog
          mode="edit"
          initial={editing.terms}
          langs={langs}
          onClose={() => {
            setEditing(null);
            backToCell();
          }}
          onSave={async (terms) => {
            await updateConcept(db, editing.id, { terms }, step);
            setNotice(t("tm:glossary.saved", { term: terms[0]!.text }));
          }}
        />
      )}
      {confirm.dialog}
    </>
  );

  if (hidden) return dialog;
  const row = active ? active.index + 1 : 0;
  return (
    <aside
      className="tm-panel glossary-panel"
      data-testid="glossary-panel"
      aria-label={t("tm:glossary.label", { n: row })}
    >
      <div className="side-head">
        <h2 className="glossary-title">
          {t("tm:glossary.title")}
          {hits.length > 0 ? ` (${hits.length})` : ""}
        </h2>
        <div className="glossary-tools">
          {!readOnly && (
            <>
              <button
                type="button"
                className="mini"
                data-testid="glossary-add"
                title={t("tm:glossary.addTitle")}
                onClick={() => setAdding(selectedSourceText().trim())}
              >
                {t("tm:glossary.add")}
              </button>
              <button
                type="button"
                className="mini"
                data-testid="glossary-import"
                title={t("tm:glossary.importTitle")}
                onClick={() => fileRef.current?.click()}
              >
                {t("tm:glossary.import")}
              </button>
            </>
          )}
          <input
            ref={fileRef}
            type="file"
            hidden
            accept=".tbx,.csv,.tsv,.txt"
            data-testid="glossary-file"
            aria-label={t("tm:glossary.importTitle")}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) onFile(file);
            }}
          />
          <button
            type="button"
            className="mini"
            data-testid="glossary-export"
            disabled={(concepts?.length ?? 0) === 0}
            onClick={() => exportAs("tbx")}
          >
            {t("tm:glossary.export")}
          </button>
          <button
            type="button"
            className="mini"
            data-testid="glossary-export-csv"
            disabled={(concepts?.length ?? 0) === 0}
            onClick={() => exportAs("csv")}
          >
            {t("tm:glossary.exportCsv")}
          </button>
        </div>
      </div>
      <FormError error={error} />
      <p className="tm-notice" role="status" data-testid="glossary-notice">
        {notice}
      </p>
      {conflicts > 0 && (
        <p className="glossary-conflicts" data-testid="glossary-conflicts">
          {t("tm:glossary.conflicts", { count: conflicts })}
        </p>
      )}
      {segment && hits.length > 0 && (
        <p className="tm-source glossary-source" lang={sourceLang} data-testid="glossary-source">
          <MarkedSource text={segment.source} hits={hits} />
        </p>
      )}
      {hits.length === 0 ? (
        <p className="hint" data-testid="glossary-none">
          {(concepts?.length ?? 0) === 0
            ? t("tm:glossary.empty")
            : t("tm:glossary.none", { n: row, count: concepts?.length ?? 0 })}
        </p>
      ) : (
        <ol className="tm-matches glossary-hits" data-testid="glossary-hits">
          {hits.map((hit, i) => {
            const k = i + 1;
            const key = `Ctrl+Alt+${k}`;
            const lang = active?.lang;
            const insertable = lang ? termFor(hit, lang) : null;
            return (
              <li
                key={`${hit.conceptId}-${hit.start}`}
                className="tm-match"
                data-testid={`glossary-hit-${k}`}
              >
                <div className="tm-match-head">
                  {k <= 9 && <kbd className="tm-key">{key}</kbd>}
                  <span className="glossary-term" lang={sourceLang}>
                    {hit.term.text}
                  </span>
                  {hit.how !== "exact" && (
                    <span className="tm-tag">
                      {t(`tm:glossary.how.${hit.how}`, { text: hit.text })}
                    </span>
                  )}
                  <span className="glossary-hit-tools">
                    {lang && (
                      <button
                        type="button"
                        className="mini tm-insert"
                        data-testid={`glossary-insert-${k}`}
                        disabled={!insertable}
                        title={t("tm:glossary.insertTitle", {
                          lang: t(`common:lang.${lang}`),
                          key,
                        })}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => insert(k)}
                      >
                        {t("tm:match.insert")}
                      </button>
                    )}
                    {!readOnly && (
                      <>
                        <button
                          type="button"
                          className="mini"
                          data-testid={`glossary-edit-${k}`}
                          title={t("tm:glossary.editTitle", { term: hit.term.text })}
                          onClick={() => edit(hit)}
                        >
                          {t("tm:glossary.edit")}
                        </button>
                        <button
                          type="button"
                          className="mini"
                          data-testid={`glossary-delete-${k}`}
                          title={t("tm:glossary.deleteTitle", { term: hit.term.text })}
                          onClick={() => void remove(hit)}
                        >
                          {t("tm:glossary.delete")}
                        </button>
                      </>
                    )}
                  </span>
                </div>
                {langs.map((l) =>
                  (hit.translations[l] ?? []).map((term, j) => (
                    <div
                      key={`${l}-${j}`}
                      className={`tm-target${l === lang ? " current" : ""}${term.status === "forbidden" ? " forbidden" : ""}`}
                      data-testid={`glossary-term-${k}-${l}`}
                    >
                      <span className="tm-lang">{l.toUpperCase()}</span>{" "}
                      <span lang={l}>{term.text}</span>
                      {term.status && (
                        <span className="tm-meta">{t(`tm:glossary.status.${term.status}`)}</span>
                      )}
                    </div>
                  )),
                )}
                {hit.term.note && <p className="tm-origin">{hit.term.note}</p>}
                <ConceptConflict
                  concept={byId.get(hit.conceptId)}
                  k={k}
                  langs={langs}
                  term={hit.term.text}
                  readOnly={readOnly}
                  onResolve={(choice) => resolve(hit.conceptId, choice, hit.term.text)}
                />
              </li>
            );
          })}
        </ol>
      )}
      {dialog}
    </aside>
  );
}

/**
 * Another member's concurrent version of a concept (sync conflict): who and when, its terms in the
 * document's languages, "Use this version"; "Keep current" drops the other versions.
 */
function ConceptConflict(props: {
  concept: GlossaryConcept | undefined;
  k: number;
  langs: readonly TargetLang[];
  term: string;
  readOnly: boolean;
  onResolve: (choice: "current" | number) => void;
}) {
  const { concept, k, langs, term, readOnly, onResolve } = props;
  const { t } = useTranslation(["tm", "common"]);
  const versions = concept?.competing ?? [];
  if (versions.length === 0) return null;
  return (
    <div
      className="glossary-conflict"
      role="group"
      aria-label={t("tm:glossary.conflictLabel", { term })}
      data-testid={`glossary-conflict-${k}`}
    >
      {versions.map((v, j) => {
        const terms = Array.isArray(v.concept.terms) ? (v.concept.terms as GlossaryTerm[]) : [];
        return (
          <div key={j} className="glossary-version" data-testid={`glossary-version-${k}-${j + 1}`}>
            <p className="glossary-version-head">
              {t("tm:glossary.otherVersion", { by: v.by, at: new Date(v.at).toLocaleString() })}
            </p>
            {["id", ...langs].map((l) =>
              terms
                .filter((x) => x.lang === l)
                .map((x, i) => (
                  <div key={`${l}-${i}`} className="tm-target">
                    <span className="tm-lang">{l.toUpperCase()}</span>{" "}
                    <span lang={l}>{x.text}</span>
                    {x.status && (
                      <span className="tm-meta">{t(`tm:glossary.status.${x.status}`)}</span>
                    )}
                  </div>
                )),
            )}
            {!readOnly && (
              <button
                type="button"
                className="mini"
                data-testid={`glossary-use-${k}-${j + 1}`}
                onClick={() => onResolve(j)}
              >
                {t("tm:glossary.useVersion")}
              </button>
            )}
          </div>
        );
      })}
      {!readOnly && (
        <button
          type="button"
          className="mini"
          data-testid={`glossary-keep-${k}`}
          onClick={() => onResolve("current")}
        >
          {t("tm:glossary.keepCurrent")}
        </button>
      )}
    </div>
  );
}

/** The source with the terms found marked. */
function MarkedSource({ text, hits }: { text: string; hits: readonly TermHit[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  for (const [i, hit] of sorted.entries()) {
    if (hit.start < at) continue;
    if (hit.start > at) parts.push(text.slice(at, hit.start));
    parts.push(
      <mark key={i} className="glossary-mark">
        {text.slice(hit.start, hit.end)}
      </mark>,
    );
    at = hit.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
