import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { insertMatch } from "../../db/operations/insert-match.ts";
import type { SegmentRecord } from "../../core/model/records.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { TmMatch } from "../../core/tm/types.ts";
import { matchDiff } from "../../core/tm/match-diff.ts";
import { useAutosave } from "../app/autosave-context.ts";
import { useErrorAction } from "../shared/use-error-action.ts";
import { FormError } from "../shared/error-text.tsx";
import type { CellRef } from "../grid/cells/target-cell.tsx";
import type { TmLookup } from "../workers/tm-engine.ts";
import { tmClientFor, type TmClient } from "./tm-client.ts";
import { useConcordance, useTmMatches, useTmStatus } from "./use-tm.ts";
import { insertMatchKey, isConcordanceKey } from "./tm-shortcuts.ts";
import { Highlighted } from "./highlight.tsx";
import "./tm-panel.css";

type Tab = "matches" | "concordance";

/** The text a key press would look up: the selection in the focused field, else the page's. */
function selectedText(): string {
  const el = document.activeElement;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const { selectionStart: s, selectionEnd: e } = el;
    if (s !== null && e !== null && e > s) return el.value.slice(s, e);
  }
  return window.getSelection()?.toString() ?? "";
}

/** Inline codes show as ⟦n⟧ in a cell; a phrase selected there is looked up without them. */
function cleanPhrase(text: string): string {
  return text.replace(/⟦\d+⟧/gu, " ").replace(/\s+/gu, " ").trim();
}

export interface TmPanelProps {
  active: CellRef | null;
  segments: readonly SegmentRecord[];
  sourceLang: string;
  langs: readonly TargetLang[];
  user: string;
  /** Another panel (comments, history) takes the place: keys still work, nothing is shown. */
  hidden?: boolean;
  /** Puts focus back in a cell (after an insert from the panel's button). */
  focusCell?: (row: number, lang: TargetLang) => void;
  /** For tests: a client other than the page's TM worker. */
  client?: TmClient;
}

/**
 * The translation memory beside the grid: the focused row's best matches from the project memory
 * and every document's targets (score, penalties, a word diff of the match's source against the
 * row's, both translations, where each came from), `Ctrl+1` … `Ctrl+9` to insert one into the
 * focused cell, and a concordance search (`Alt+K`). It opens by itself the first time a row has
 * matches and then stays (its width does not jump from row to row); "hide" folds it to a strip.
 */
export function TmPanel(props: TmPanelProps) {
  const { active, segments, sourceLang, langs, user, hidden = false, focusCell } = props;
  const { t, i18n } = useTranslation(["tm", "common"]);
  const db = useDb();
  const autosave = useAutosave();
  const client = useMemo(() => props.client ?? tmClientFor(db), [props.client, db]);
  const status = useTmStatus(client);
  const [tab, setTab] = useState<Tab>("matches");
  const [open, setOpen] = useState(false);
  const [folded, setFolded] = useState(false);
  const [draft, setDraft] = useState("");
  const [phrase, setPhrase] = useState<string | null>(null);
  // Said in the UI language of the moment (switching it re-says the notice).
  const [notice, setNotice] = useState<{ say: (tt: T) => string } | null>(null);
  const { error, run } = useErrorAction();
  const searchRef = useRef<HTMLInputElement>(null);

  const segment = active ? segments[active.index] : undefined;
  const lookup = useMemo((): TmLookup | null => {
    if (!active || !segment) return null;
    const prev = segments[active.index - 1]?.source;
    const next = segments[active.index + 1]?.source;
    return {
      segmentId: segment.id,
      source: segment.source,
      sourceLang,
      ...(prev !== undefined ? { prev } : {}),
      ...(next !== undefined ? { next } : {}),
    };
  }, [active, segment, segments, sourceLang]);
  const state = useTmMatches(client, lookup);
  const matches = useMemo(
    () => (state.segmentId === segment?.id ? state.matches : []),
    [state, segment],
  );
  // Indonesian word forms in the concordance (`tandatangan` finds `menandatangani`), remembered.
  const [stems, setStemsState] = useState(readStemsChoice);
  const setStems = (on: boolean) => {
    setStemsState(on);
    writeStemsChoice(on);
  };
  const wordForms = stems && sourceLang === "id";
  const concordance = useConcordance(client, phrase, wordForms);

  useEffect(() => {
    if (matches.length > 0) setOpen(true);
  }, [matches.length]);
  // A notice is about one row: it goes when the focus moves on.
  useEffect(() => setNotice(null), [segment?.id]);

  const insert = useCallback(
    (n: number) => {
      if (!active || !segment) return;
      const match = matches[n - 1];
      const cellLang = active.lang;
      const lang = (tt: T) => tt(`common:langInText.${cellLang}`);
      if (!match) {
        setNotice({ say: (tt) => tt("tm:match.missing", { n }) });
        return;
      }
      const text = match.substituted?.[active.lang] ?? match.unit.targets[active.lang];
      if (text === undefined || text.trim() === "") {
        setNotice({ say: (tt) => tt("tm:match.noTarget", { n, lang: lang(tt) }) });
        return;
      }
      const cell = active;
      void run(() =>
        autosave.track(async () => {
          await autosave.flush();
          await insertMatch(db, {
            segmentId: cell.segmentId,
            lang: cell.lang,
            ...(cell.cellId ? { cellId: cell.cellId } : {}),
            text,
            score: match.score,
            user,
          });
          setNotice({
            say: (tt) =>
              tt("tm:match.inserted", {
                n,
                score: match.score,
                lang: lang(tt),
                row: cell.index + 1,
              }),
          });
        }),
      );
    },
    [active, segment, matches, run, autosave, db, user],
  );

  const openConcordance = useCallback((text: string) => {
    const p = cleanPhrase(text);
    setOpen(true);
    setFolded(false);
    setTab("concordance");
    if (p !== "") {
      setDraft(p);
      setPhrase(p);
    }
    // After the panel rendered its search field.
    setTimeout(() => {
      searchRef.current?.focus();
      searchRef.current?.select();
    }, 0);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const n = insertMatchKey(e);
      if (n !== null) {
        const el = document.activeElement;
        if (!el || !el.closest(".grid-layout")) return;
        e.preventDefault();
        e.stopPropagation();
        insert(n);
        return;
      }
      if (isConcordanceKey(e)) {
        if (document.querySelector('[role="dialog"]')) return;
        e.preventDefault();
        e.stopPropagation();
        openConcordance(selectedText());
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [insert, openConcordance]);

  if (hidden || !open) return null;
  const n = active ? active.index + 1 : 0;
  if (folded) {
    return (
      <button
        type="button"
        className="tm-strip"
        data-testid="tm-show"
        aria-expanded="false"
        onClick={() => setFolded(false)}
      >
        {t("tm:panel.show", { count: matches.length })}
      </button>
    );
  }
  // "medium": a numeric short date reads 3/2/26 in English and 2/3/26 in Vietnamese.
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium" });
  const back = () => {
    if (active) focusCell?.(active.row, active.lang);
  };

  return (
    <aside
      className="tm-panel"
      data-testid="tm-panel"
      aria-label={t("tm:panel.label", { n })}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          back();
        }
      }}
    >
      <div className="side-head">
        <div role="tablist" className="tabs">
          {(["matches", "concordance"] as const).map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              aria-selected={tab === p}
              data-testid={`tm-tab-${p}`}
              onClick={() => setTab(p)}
            >
              {t(`tm:panel.${p}`)}
              {p === "matches" && matches.length > 0 ? ` (${matches.length})` : ""}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={t("tm:panel.hide")}
          title={t("tm:panel.hide")}
          data-testid="tm-hide"
          onClick={() => {
            setFolded(true);
            back();
          }}
        >
          ×
        </button>
      </div>
      <FormError error={error} />
      <p className="tm-notice" role="status" data-testid="tm-notice">
        {notice?.say(t)}
      </p>
      <div role="tabpanel" className="tm-body">
        {tab === "matches" ? (
          <MatchList
            matches={matches}
            source={segment?.source ?? ""}
            row={n}
            lang={active?.lang ?? null}
            langs={langs}
            building={status === null}
            size={status?.size ?? 0}
            date={date}
            segmentId={state.segmentId}
            sourceLang={sourceLang}
            onInsert={(k) => {
              insert(k);
              back();
            }}
          />
        ) : (
          <div className="tm-concordance" data-testid="tm-concordance">
            <form
              className="tm-search"
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                setPhrase(draft.trim());
              }}
            >
              <input
                ref={searchRef}
                type="search"
                value={draft}
                aria-label={t("tm:concordance.label")}
                placeholder={t("tm:concordance.label")}
                data-testid="tm-search"
                onChange={(e) => setDraft(e.target.value)}
              />
              <button type="submit">{t("tm:concordance.search")}</button>
              {sourceLang === "id" && (
                <label className="tm-stems" title={t("tm:concordance.stemsHint")}>
                  <input
                    type="checkbox"
                    checked={stems}
                    data-testid="tm-stems"
                    onChange={(e) => setStems(e.target.checked)}
                  />{" "}
                  {t("tm:concordance.stems")}
                </label>
              )}
            </form>
            {concordance === null ? (
              <p className="hint">{t("tm:concordance.hint")}</p>
            ) : concordance.result.total === 0 ? (
              <p className="hint" data-testid="tm-concordance-none">
                {t("tm:concordance.none", { phrase: concordance.phrase })}
              </p>
            ) : (
              <>
                <p className="tm-count" data-testid="tm-concordance-count">
                  {t("tm:concordance.hits", { count: concordance.result.total })}
                  {concordance.result.total > concordance.result.hits.length &&
                    ` · ${t("tm:concordance.shown", { shown: concordance.result.hits.length })}`}
                </p>
                <ol className="tm-hits">
                  {concordance.result.hits.map((h) => (
                    <li key={h.unit.id} data-testid="tm-hit">
                      <p className="tm-origin">{originName(h.unit.origin, t)}</p>
                      <p className="tm-source" lang={sourceLang}>
                        <Highlighted
                          text={h.unit.source}
                          phrase={concordance.phrase}
                          spans={h.sourceSpans}
                        />
                      </p>
                      {langs.map((l) =>
                        h.unit.targets[l] ? (
                          <p key={l} className="tm-target">
                            <span className="tm-lang">{l.toUpperCase()}</span>{" "}
                            <span lang={l}>
                              <Highlighted text={h.unit.targets[l]!} phrase={concordance.phrase} />
                            </span>
                          </p>
                        ) : null,
                      )}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </div>
        )}
      </div>
    </aside>
  );
}

type T = ReturnType<typeof useTranslation<["tm", "common"]>>["t"];

function originName(origin: Readonly<Record<string, string>> | undefined, t: T): string {
  if (!origin) return "";
  return origin.kind === "memory"
    ? t("tm:origin.memory", { name: origin.name ?? "" })
    : t("tm:origin.document", { name: origin.name ?? "", row: origin.row ?? "" });
}

function scoreClass(score: number): string {
  return score >= 100 ? "tm-score high" : score >= 75 ? "tm-score mid" : "tm-score low";
}

function MatchList(props: {
  matches: readonly TmMatch[];
  source: string;
  row: number;
  lang: TargetLang | null;
  langs: readonly TargetLang[];
  building: boolean;
  size: number;
  date: Intl.DateTimeFormat;
  segmentId: string | null;
  sourceLang: string;
  onInsert: (n: number) => void;
}) {
  const { matches, source, row, lang, langs, building, size, date, segmentId, onInsert } = props;
  const { sourceLang } = props;
  const { t } = useTranslation(["tm", "common"]);
  if (building) return <p className="hint">{t("tm:panel.building")}</p>;
  if (matches.length === 0) {
    return (
      <p className="hint" data-testid="tm-none">
        {t("tm:panel.none", { n: row })} {t("tm:panel.size", { count: size })}
      </p>
    );
  }
  const when = (iso: string | undefined) => {
    if (!iso) return null;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : date.format(d);
  };
  return (
    <ol className="tm-matches" data-testid="tm-matches" data-segment={segmentId ?? ""}>
      {matches.map((m, i) => {
        const k = i + 1;
        const o = m.unit.origin ?? {};
        const key = `Ctrl+${k}`;
        return (
          <li
            key={m.unit.id}
            className="tm-match"
            data-testid={`tm-match-${k}`}
            aria-label={t("tm:match.label", { n: k, score: m.score })}
          >
            <div className="tm-match-head">
              <kbd className="tm-key">{key}</kbd>
              <span className={scoreClass(m.score)} data-testid={`tm-score-${k}`}>
                {m.score} %
              </span>
              {m.inContext ? (
                <span className="tm-tag">{t("tm:match.inContext")}</span>
              ) : m.exact ? (
                <span className="tm-tag">{t("tm:match.exact")}</span>
              ) : null}
              {m.penalties.map((p) => (
                <span key={p.kind} className="tm-penalty" data-testid={`tm-penalty-${k}-${p.kind}`}>
                  {t("tm:penalty.points", {
                    label: t(`tm:penalty.${p.kind}`),
                    points: p.points,
                  })}
                </span>
              ))}
              {m.substituted && (
                <span className="tm-tag subst" data-testid={`tm-substituted-${k}`}>
                  {t("tm:match.substituted")}
                </span>
              )}
              {lang && (
                <button
                  type="button"
                  className="mini tm-insert"
                  data-testid={`tm-insert-${k}`}
                  title={t("tm:match.insertTitle", { lang: t(`common:lang.${lang}`), key })}
                  disabled={!(m.substituted?.[lang] ?? m.unit.targets[lang])}
                  onClick={() => onInsert(k)}
                >
                  {t("tm:match.insert")}
                </button>
              )}
            </div>
            <p
              className="tm-source diff"
              title={t("tm:match.diff")}
              data-testid={`tm-diff-${k}`}
              lang={sourceLang}
            >
              {matchDiff(m.unit.source, source).map((part, j, parts) =>
                part.kind === "same" ? (
                  <span key={j}>{part.text}</span>
                ) : part.kind === "added" ? (
                  <Fragment key={j}>
                    {/* A replaced word: a space between the old and the new one, which
                        would otherwise read as one word ("perwakilanutusan"). */}
                    {parts[j - 1]?.kind === "removed" &&
                      !/\s$/.test(parts[j - 1]!.text) &&
                      !/^\s/.test(part.text) &&
                      " "}
                    <ins>{part.text}</ins>
                  </Fragment>
                ) : (
                  <del key={j}>{part.text}</del>
                ),
              )}
            </p>
            {langs.map((l) => {
              const text = m.substituted?.[l] ?? m.unit.targets[l];
              if (!text) return null;
              const meta = [
                o[`status.${l}`]
                  ? t(`common:status.${o[`status.${l}`]}` as "common:status.draft")
                  : null,
                o[`author.${l}`] ?? null,
                when(o[`date.${l}`] ?? o.date),
                o.kind === "document"
                  ? o[`aligner.${l}`]
                    ? t("tm:origin.aligner")
                    : t("tm:origin.human")
                  : null,
              ].filter((x): x is string => !!x);
              return (
                <div
                  key={l}
                  className={`tm-target${l === lang ? " current" : ""}`}
                  data-testid={`tm-target-${k}-${l}`}
                >
                  <span className="tm-lang">{l.toUpperCase()}</span> <span lang={l}>{text}</span>
                  <span className="tm-meta">{meta.join(" · ")}</span>
                </div>
              );
            })}
            <p className="tm-origin">{originName(o, t)}</p>
          </li>
        );
      })}
    </ol>
  );
}

const STEMS_KEY = "selaras.concordance.stems";

function readStemsChoice(): boolean {
  try {
    return window.localStorage.getItem(STEMS_KEY) === "1";
  } catch {
    return false; // storage refused (private mode, policy): the choice lasts for the page
  }
}

function writeStemsChoice(on: boolean): void {
  try {
    window.localStorage.setItem(STEMS_KEY, on ? "1" : "0");
  } catch {
    // as above
  }
}
