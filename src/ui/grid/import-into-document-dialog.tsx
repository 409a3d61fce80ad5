import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import {
  applyImportIntoDocument,
  changeKey,
  planImportIntoDocument,
} from "../../db/operations/import-into-document.ts";
import type { MemoryReadResult } from "../../core/format/read-memory-file.ts";
import type { UnitMatchPlan } from "../../core/format/match-units.ts";
import { Dialog } from "../shared/dialog.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { FormError } from "../shared/error-text.tsx";
import { MemoryFileReader } from "../shared/memory-file-reader.tsx";
import type { Bundle } from "../../core/model/bundle.ts";
import {
  applyPretranslate,
  DEFAULT_PRETRANSLATE_THRESHOLD,
  type PretranslatePlan,
  type PretranslateResult,
} from "../../db/operations/pretranslate.ts";
import { MIN_PRETRANSLATE_THRESHOLD } from "../../core/tm/pretranslate.ts";
import { planPretranslateAsync } from "../tm/pretranslate-async.ts";
import type { WorkerTask } from "../workers/worker-job.ts";

type Source = "file" | "memory";

/**
 * Import translations into the open document from a memory file: units whose source equals a
 * segment's source fill its empty targets; differing targets are listed and replaced only if the user
 * asks. One undoable step. From the project memory it pre-translates: exact units as from a file,
 * then, with a fuzzy threshold under 100 %, the other empty targets get their best fuzzy match as
 * drafts recording its score; `onDone` is told how many of each.
 */
export function ImportIntoDocumentDialog({
  docId,
  user,
  onClose,
  onDone,
}: {
  docId: string;
  user: string;
  onClose: () => void;
  /** A sentence saying what a pre-translation from the memory filled (for the grid's notice). */
  onDone?: (notice: string) => void;
}) {
  const { t } = useTranslation(["io", "common", "plans"]);
  const db = useDb();
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [source, setSource] = useState<Source>("file");
  const [plan, setPlan] = useState<(UnitMatchPlan & { rows?: ReadonlyMap<string, number> }) | null>(
    null,
  );
  /** The changes the user keeps checked (all by default): keys of changeKey. */
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [threshold, setThreshold] = useState(DEFAULT_PRETRANSLATE_THRESHOLD);
  /** The threshold field as typed (it plans again once it holds a valid threshold). */
  const [thresholdText, setThresholdText] = useState(String(DEFAULT_PRETRANSLATE_THRESHOLD));
  /** The latest memory plan asked for: an older answer that comes later is dropped. */
  const asked = useRef(0);
  /** The plan being made in the worker (cancelled by a newer one, or when the dialog closes). */
  const task = useRef<WorkerTask<PretranslatePlan> | null>(null);
  useEffect(
    () => () => {
      asked.current++;
      task.current?.cancel();
    },
    [],
  );
  /** The pre-translation planned from the memory (source "memory"). */
  const [pre, setPre] = useState<PretranslatePlan | null>(null);
  const { error, run } = useErrorAction();

  /** Takes the translations to import and plans what they would change (nothing is written). */
  const planFor = (b: Bundle | null) => {
    setBundle(b);
    setPlan(null);
    if (b)
      void run(async () => {
        const next = await planImportIntoDocument(db, docId, b);
        setPlan(next);
        setChosen(new Set(next.changes.map(changeKey)));
      });
  };
  const onRead = (result: MemoryReadResult | null) => planFor(result?.bundle ?? null);
  /** Plans the pre-translation from the memory at a threshold (nothing is written). */
  const preFor = (at: number) => {
    planFor(null);
    setPre(null);
    const ask = ++asked.current;
    task.current?.cancel();
    const job = planPretranslateAsync(db, docId, at);
    task.current = job;
    void run(async () => {
      let next: PretranslatePlan;
      try {
        next = await job.promise;
      } catch (error) {
        if (ask !== asked.current) return;
        throw error;
      }
      if (ask !== asked.current) return;
      setPre(next);
      setBundle(next.bundle);
      setPlan(next.exact);
      setChosen(new Set(next.exact.changes.map(changeKey)));
    });
  };
  const chooseSource = (next: Source) => {
    setSource(next);
    asked.current++;
    planFor(null);
    setPre(null);
    if (next === "memory") preFor(threshold);
  };
  const chooseThreshold = (text: string) => {
    setThresholdText(text);
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < MIN_PRETRANSLATE_THRESHOLD || value > 100) return;
    if (value === threshold) return;
    setThreshold(value);
    if (source === "memory") preFor(value);
  };

  const apply = async (e: FormEvent) => {
    e.preventDefault();
    if (!bundle) return;
    if (source === "memory" && pre) {
      const out: { done?: PretranslateResult } = {};
      await run(async () => {
        out.done = await applyPretranslate(db, docId, pre, [...chosen], user);
      });
      const done = out.done;
      if (!done) return;
      const left = pre.emptyTargets - pre.exact.fills.length - done.fuzzy;
      onDone?.(
        [
          t("io:intoDoc.done.exact", { count: done.exact }),
          t("io:intoDoc.done.fuzzy", { count: done.fuzzy, threshold: pre.threshold }),
          t("io:intoDoc.done.left", { count: Math.max(0, left) }),
          t("io:intoDoc.done.undo"),
        ].join(" "),
      );
      onClose();
      return;
    }
    if (await run(() => applyImportIntoDocument(db, docId, bundle, [...chosen], user))) onClose();
  };
  const fuzzyCount = source === "memory" ? (pre?.fuzzy.length ?? 0) : 0;

  return (
    <Dialog title={t("io:intoDoc.title")} onClose={onClose} testId="import-into-doc-dialog">
      <form className="form" onSubmit={(e) => void apply(e)}>
        <fieldset className="field">
          <legend>{t("io:intoDoc.source")}</legend>
          {(["file", "memory"] as const).map((s) => (
            <label key={s} className="radio">
              <input
                type="radio"
                name="source"
                value={s}
                data-testid={`import-into-doc-from-${s}`}
                checked={source === s}
                onChange={() => chooseSource(s)}
              />
              {t(`io:intoDoc.from.${s}`)}
            </label>
          ))}
        </fieldset>
        {source === "file" && <MemoryFileReader onRead={onRead} testId="import-into-doc-file" />}
        {source === "memory" && (
          <div className="field">
            <label htmlFor="import-into-doc-threshold">{t("io:intoDoc.threshold")}</label>
            <input
              id="import-into-doc-threshold"
              type="number"
              min={MIN_PRETRANSLATE_THRESHOLD}
              max={100}
              step={1}
              value={thresholdText}
              data-testid="import-into-doc-threshold"
              aria-describedby="import-into-doc-threshold-hint"
              onChange={(e) => chooseThreshold(e.target.value)}
            />
            <span className="hint" id="import-into-doc-threshold-hint">
              {t("io:intoDoc.thresholdHint", { min: MIN_PRETRANSLATE_THRESHOLD })}
            </span>
          </div>
        )}
        {plan && (
          <div className="plan" data-testid="import-into-doc-plan">
            <p>
              {[
                t("plans:intoDoc.matched", { count: plan.matchedSegments }),
                t("plans:intoDoc.fills", { count: plan.fills.length }),
                t("plans:intoDoc.changes", { count: plan.changes.length }),
                t("plans:intoDoc.same", { count: plan.same }),
                t("plans:intoDoc.unmatched", { count: plan.unmatchedUnits }),
              ].join(" ")}
            </p>
            {source === "memory" && pre && pre.threshold < 100 && (
              <p data-testid="import-into-doc-fuzzy">
                {t("io:intoDoc.fuzzy", { count: pre.fuzzy.length, threshold: pre.threshold })}
              </p>
            )}
            {plan.changes.length > 0 && (
              <fieldset>
                <legend>{t("io:intoDoc.changesLegend")}</legend>
                <ul className="replace-preview import-choices">
                  {plan.changes.slice(0, 200).map((c) => {
                    const key = changeKey(c);
                    const row = plan.rows?.get(c.segmentId);
                    const before = c.current?.status ?? "empty";
                    const statusOnly = (c.current?.text ?? "") === c.incoming.text;
                    return (
                      <li key={key} data-testid="import-into-doc-change">
                        <label className="checkbox">
                          <input
                            type="checkbox"
                            checked={chosen.has(key)}
                            data-testid="import-into-doc-choice"
                            onChange={(e) => {
                              const next = new Set(chosen);
                              if (e.target.checked) next.add(key);
                              else next.delete(key);
                              setChosen(next);
                            }}
                          />
                          <span className="import-choice-where">
                            {row !== undefined
                              ? t("plans:intoDoc.row", {
                                  row,
                                  lang: t(`common:lang.${c.lang}`),
                                })
                              : t(`common:lang.${c.lang}`)}
                          </span>
                        </label>
                        {statusOnly ? (
                          <span data-testid="import-into-doc-status-only">
                            {t("plans:intoDoc.statusOnly", {
                              before: t(`common:status.${before}`),
                              after: t(`common:status.${c.incoming.status}`),
                            })}
                          </span>
                        ) : (
                          <>
                            <del>{c.current?.text}</del> <ins>{c.incoming.text}</ins>{" "}
                            <span className="hint">
                              {t("plans:intoDoc.status", {
                                before: t(`common:status.${before}`),
                                after: t(`common:status.${c.incoming.status}`),
                              })}
                            </span>
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
                <p className="hint" data-testid="import-into-doc-chosen">
                  {t("plans:intoDoc.chosen", { chosen: chosen.size, count: plan.changes.length })}
                </p>
              </fieldset>
            )}
          </div>
        )}
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t("common:cancel")}
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="import-into-doc-apply"
            disabled={!plan || plan.fills.length + chosen.size + fuzzyCount === 0}
          >
            {t("io:intoDoc.apply")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
