import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLiveQuery } from "dexie-react-hooks";
import { useDb } from "../../db/db-context.ts";
import { addConcept, exportGlossary, importGlossary } from "../../db/operations/glossary.ts";
import { TermMatcher, type TermHit } from "../../core/glossary/find-terms.ts";
import type { GlossaryTerm } from "../../core/glossary/model.ts";
import type { SegmentRecord } from "../../core/model/records.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { CellRef } from "../grid/cells/target-cell.tsx";
import { Dialog } from "../shared/dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { downloadText, readFileBytes } from "../shared/download.ts";
import { insertTermKey, isAddTermKey, typeIntoField } from "./glossary-keys.ts";
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
 * term n into the focused cell, `Ctrl+Shift+G` to add a term from the selection; import (TBX, CSV,
 * TSV, all or nothing) and export (TBX).
 */
export function GlossaryPanel(props: GlossaryPanelProps) {
  const { active, segments, sourceLang, langs, hidden = false } = props;
  const { t } = useTranslation(["tm", "common"]);
  const db = useDb();
  const concepts = useLiveQuery(() => db.glossary.toArray(), [db]);
  const matcher = useMemo(
    () => new TermMatcher({ concepts: concepts ?? [] }, { sourceLang }),
    [concepts, sourceLang],
  );
  const segment = active ? segments[active.index] : undefined;
  const hits = useMemo(() => (segment ? matcher.find(segment.source) : []), [matcher, segment]);
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
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
      const lang = t(`common:lang.${cell.lang}`);
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

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const n = insertTermKey(e);
      if (n !== null) {
        const el = document.activeElement;
        if (!el || !el.closest(".grid-layout")) return;
        e.preventDefault();
        e.stopPropagation();
        insert(n);
        return;
      }
      if (isAddTermKey(e)) {
        const el = document.activeElement;
        if (!el || !el.closest(".grid-layout")) return;
        e.preventDefault();
        e.stopPropagation();
        setAdding(selectedSourceText().replace(/⟦\d+⟧/gu, " ").replace(/\s+/gu, " ").trim());
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [insert]);

  const onFile = (file: File) =>
    void run(async () => {
      const result = await importGlossary(db, await readFileBytes(file), file.name);
      setNotice(t("tm:glossary.imported", { count: result.added, file: file.name }));
    });

  const dialog =
    adding !== null ? (
      <AddTermDialog
        initial={adding}
        langs={langs}
        onClose={() => {
          setAdding(null);
          const cell = lastCell.current;
          if (cell) targetField(cell)?.focus();
        }}
        onAdd={async (terms) => {
          await addConcept(db, { terms });
          setNotice(t("tm:glossary.added", { term: terms[0]!.text }));
        }}
      />
    ) : null;

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
            onClick={() =>
              void run(async () =>
                downloadText("glossary.tbx", await exportGlossary(db, "tbx"), "application/x-tbx"),
              )
            }
          >
            {t("tm:glossary.export")}
          </button>
        </div>
      </div>
      <FormError error={error} />
      <p className="tm-notice" role="status" data-testid="glossary-notice">
        {notice}
      </p>
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
              </li>
            );
          })}
        </ol>
      )}
      {dialog}
    </aside>
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

function AddTermDialog(props: {
  initial: string;
  langs: readonly TargetLang[];
  onClose: () => void;
  onAdd: (terms: { lang: string; text: string }[]) => Promise<void>;
}) {
  const { initial, langs, onClose, onAdd } = props;
  const { t } = useTranslation(["tm", "common"]);
  const [values, setValues] = useState<Record<string, string>>({ id: initial });
  const { error, run } = useErrorAction();
  const all: string[] = ["id", ...langs];
  return (
    <Dialog title={t("tm:glossary.addDialog")} onClose={onClose} testId="glossary-add-dialog">
      <form
        className="glossary-add-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await onAdd(all.map((lang) => ({ lang, text: values[lang] ?? "" })));
            onClose();
          });
        }}
      >
        {all.map((lang, i) => (
          <label key={lang}>
            {t(`common:lang.${lang}` as "common:lang.vi")}
            <input
              type="text"
              lang={lang}
              autoFocus={i === (initial === "" ? 0 : 1)}
              data-testid={`glossary-add-${lang}`}
              value={values[lang] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [lang]: e.target.value }))}
            />
          </label>
        ))}
        <FormError error={error} />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t("common:cancel")}
          </button>
          <button type="submit" className="primary" data-testid="glossary-add-save">
            {t("tm:glossary.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
