import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import {
  applyImportIntoDocument,
  planImportIntoDocument,
} from "../../db/operations/import-into-document.ts";
import type { MemoryReadResult } from "../../core/format/read-memory-file.ts";
import type { UnitMatchPlan } from "../../core/format/match-units.ts";
import { Dialog } from "../shared/dialog.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { FormError } from "../shared/error-text.tsx";
import { MemoryFileReader } from "../shared/memory-file-reader.tsx";
import { memoryMatchesFor } from "../../db/operations/project-memory.ts";
import type { Bundle } from "../../core/model/bundle.ts";

type Source = "file" | "memory";

/**
 * Import translations into the open document from a memory file: units whose source equals a
 * segment's source fill its empty targets; differing targets are listed and replaced only if the user
 * asks. One undoable step.
 */
export function ImportIntoDocumentDialog({
  docId,
  user,
  onClose,
}: {
  docId: string;
  user: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(["io", "common"]);
  const db = useDb();
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [source, setSource] = useState<Source>("file");
  const [plan, setPlan] = useState<UnitMatchPlan | null>(null);
  const [replace, setReplace] = useState(false);
  const { error, run } = useErrorAction();

  /** Takes the translations to import and plans what they would change (nothing is written). */
  const planFor = (b: Bundle | null) => {
    setBundle(b);
    setPlan(null);
    if (b) void run(async () => setPlan(await planImportIntoDocument(db, docId, b)));
  };
  const onRead = (result: MemoryReadResult | null) => planFor(result?.bundle ?? null);
  const chooseSource = (next: Source) => {
    setSource(next);
    planFor(null);
    if (next === "memory") void run(async () => planFor(await memoryMatchesFor(db, docId)));
  };

  const apply = async (e: FormEvent) => {
    e.preventDefault();
    if (!bundle) return;
    if (await run(() => applyImportIntoDocument(db, docId, bundle, replace, user))) onClose();
  };

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
        {plan && (
          <div className="plan" data-testid="import-into-doc-plan">
            <p>
              {t("io:intoDoc.plan", {
                matched: plan.matchedSegments,
                fills: plan.fills.length,
                changes: plan.changes.length,
                same: plan.same,
                unmatched: plan.unmatchedUnits,
              })}
            </p>
            {plan.changes.length > 0 && (
              <fieldset>
                <legend>{t("io:intoDoc.changesLegend")}</legend>
                <ul className="replace-preview">
                  {plan.changes.slice(0, 100).map((c) => (
                    <li key={`${c.segmentId}:${c.lang}`}>
                      <del>{c.current?.text}</del> <ins>{c.incoming.text}</ins>
                    </li>
                  ))}
                </ul>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={replace}
                    data-testid="import-into-doc-replace"
                    onChange={(e) => setReplace(e.target.checked)}
                  />
                  {t("io:intoDoc.replace", { count: plan.changes.length })}
                </label>
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
            disabled={!plan || plan.fills.length + (replace ? plan.changes.length : 0) === 0}
          >
            {t("io:intoDoc.apply")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
