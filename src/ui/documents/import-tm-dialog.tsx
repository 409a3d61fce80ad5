import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { importErrorInfo } from "./import-error.ts";
import {
  applyBundleImport,
  planBundleImport,
  type BundleImportPlan,
  type ConflictPolicy,
} from "../../db/operations/bundle.ts";
import type { MemoryReadResult } from "../../core/format/read-memory-file.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { Dialog } from "../shared/dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { MemoryFileReader } from "../shared/memory-file-reader.tsx";
import { useUser } from "../app/use-user.ts";
import { importIntoMemory } from "../../db/operations/project-memory.ts";
import { CollisionSummary } from "./collision-summary.tsx";

type Destination = "documents" | "memory";

/**
 * Import a translation memory (TMX, XLIFF, Selaras JSON, TSV/CSV) as documents. Nothing is written
 * until the user has seen the plan; documents that already exist are kept, replaced or imported as
 * copies, as the user chooses. One transaction: all or nothing.
 */
export function ImportTmDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(["io", "common", "handoff", "plans"]);
  const db = useDb();
  const user = useUser();
  const [read, setRead] = useState<MemoryReadResult | null>(null);
  const [fileName, setFileName] = useState("");
  const [destination, setDestination] = useState<Destination>("documents");
  const [plan, setPlan] = useState<BundleImportPlan | null>(null);
  const [policy, setPolicy] = useState<ConflictPolicy>("merge");
  const [error, setError] = useState<ErrorInfo | null>(null);
  // Why the file cannot become documents (past a document's limits): it may still go to memory.
  const [planError, setPlanError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onRead = (result: MemoryReadResult | null, name: string) => {
    setRead(result);
    setFileName(name);
    setPlan(null);
    setDone(null);
    setError(null);
    setPlanError(null);
    if (result)
      void planBundleImport(db, result.bundle).then(
        (p) => {
          setPlan(p);
          // A file whose sources share nothing with the document it collides with is another
          // document: importing it as a copy is the safe default.
          const unrelated =
            p.conflicts.length > 0 &&
            p.conflicts.every((c) => c.sources.same === 0 && c.sources.fileSegments > 0);
          setPolicy(unrelated ? "copy" : "merge");
        },
        (e: unknown) => setPlanError(importErrorInfo(e)),
      );
  };

  const apply = async (e: FormEvent) => {
    e.preventDefault();
    if (!read) return;
    try {
      if (destination === "memory") {
        const added = await importIntoMemory(db, read.bundle, fileName);
        let message = t("io:importTm.memoryDone", {
          added: added.added,
          duplicates: added.duplicates,
        });
        if (added.added === 0 && added.withoutTarget > 0) {
          // Say why nothing came in: the file pairs other languages (issue 13 item 23).
          const tags = read.report.languages.map((l) => l.tag);
          const langs =
            tags.length > 0
              ? tags.join(", ")
              : [...new Set(read.bundle.documents.map((d) => d.sourceLang))].join(", ");
          message += ` ${t("plans:memory.noPair", { count: added.withoutTarget, langs })}`;
        }
        setDone(message);
        setRead(null);
        setPlan(null);
        return;
      }
      const result = await applyBundleImport(
        db,
        read.bundle,
        policy,
        user.name,
        read.extras,
        read.exportedAt,
      );
      const changed = result.merged.filter(
        (m) => m.taken + m.conflicts + m.commentsAdded + m.commentsResolved > 0,
      );
      const conflicts = changed.reduce((n, m) => n + m.conflicts, 0);
      if (result.created.length + changed.length === 0 && result.kept.length > 0) {
        setDone(t("plans:tmPlan.keptNothing", { count: result.kept.length }));
        setRead(null);
        setPlan(null);
        return;
      }
      // Say how many of the file's units came in, not only how many documents they made.
      const created = t("plans:tmPlan.new", { count: result.created.length });
      setDone(
        t("handoff:merge.done", {
          created:
            result.created.length > 0
              ? t("handoff:merge.newWithUnits", { documents: created, count: result.createdUnits })
              : created,
          merged: changed.length,
          kept: result.kept.length,
        }) +
          (changed.length > 0 ? ` ${t("handoff:merge.undoMerge")}` : "") +
          (conflicts > 0 ? ` ${t("handoff:merge.conflicts", { count: conflicts })}` : ""),
      );
      setRead(null);
      setPlan(null);
    } catch (err) {
      setError(importErrorInfo(err));
    }
  };

  return (
    <Dialog title={t("io:importTm.title")} onClose={onClose} testId="import-tm-dialog">
      <form className="form" onSubmit={(e) => void apply(e)}>
        <MemoryFileReader onRead={onRead} testId="import-tm-file" />
        <fieldset className="field">
          <legend>{t("io:importTm.destination")}</legend>
          {(["documents", "memory"] as const).map((d) => (
            <label key={d} className="radio">
              <input
                type="radio"
                name="destination"
                value={d}
                data-testid={`import-tm-to-${d}`}
                checked={destination === d}
                onChange={() => setDestination(d)}
              />
              {t(`io:importTm.to.${d}`)}
            </label>
          ))}
        </fieldset>
        <p className="hint">{t("io:importTm.hint")}</p>
        {plan && destination === "documents" && (
          <div className="plan" data-testid="import-tm-plan">
            <p>
              {[
                t("plans:tmPlan.new", { count: plan.newDocuments }),
                t("plans:tmPlan.unchanged", { count: plan.unchanged }),
                t("plans:tmPlan.conflicts", { count: plan.conflicts.length }),
              ].join(", ")}
              .
            </p>
            {plan.conflicts.length > 0 && (
              <fieldset>
                <legend>{t("io:importTm.conflictsLegend")}</legend>
                <ul>
                  {plan.conflicts.map((c) => (
                    <li key={c.docId}>
                      <CollisionSummary title={c.existingTitle} diff={c.sources} />
                      <span data-testid="import-tm-merge-summary">
                        {t("handoff:merge.summary", {
                          title: c.existingTitle,
                          taken: c.merge.taken,
                          conflicts: c.merge.conflicts,
                          kept: c.merge.kept,
                          comments: c.merge.commentsAdded,
                        })}
                        {c.merge.unmatched + c.merge.sourceDiffers > 0 && (
                          <>
                            {" "}
                            {t("handoff:merge.skipped", {
                              count: c.merge.unmatched + c.merge.sourceDiffers,
                            })}
                          </>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
                {(["merge", "copy", "keep"] as const).map((p) => (
                  <label key={p} className="radio">
                    <input
                      type="radio"
                      name="policy"
                      value={p}
                      checked={policy === p}
                      onChange={() => setPolicy(p)}
                    />
                    {p === "merge" ? t("handoff:merge.policy") : t(`io:importTm.policy.${p}`)}
                  </label>
                ))}
              </fieldset>
            )}
          </div>
        )}
        <FormError error={error ?? (destination === "documents" ? planError : null)} />
        {done && (
          <p className="form-success" role="status">
            {done}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t("common:close")}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={!read || (destination === "documents" && !plan)}
            data-testid="import-tm-apply"
          >
            {t("io:importTm.apply")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
