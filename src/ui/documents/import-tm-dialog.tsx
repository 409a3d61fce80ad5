import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { toErrorInfo } from "../../db/autosave.ts";
import {
  applyBundleImport,
  planBundleImport,
  type BundleImportPlan,
  type ConflictPolicy,
} from "../../db/operations/bundle.ts";
import { readJson } from "../../core/format/json/read-json.ts";
import { readTmx } from "../../core/format/tmx/read-tmx.ts";
import { decodeText } from "../../core/format/txt/decode.ts";
import { decodeXmlBytes } from "../../core/format/xml/decode-xml-bytes.ts";
import type { Bundle } from "../../core/model/bundle.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { AppError } from "../../core/model/app-error.ts";
import { Dialog } from "../shared/dialog.tsx";
import { ErrorText } from "../shared/error-text.tsx";
import { readFileBytes } from "../shared/download.ts";
import { useUser } from "../app/use-user.ts";

function parseBundle(fileName: string, bytes: Uint8Array): Bundle {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return readJson(decodeText(bytes, fileName), { fileName });
  if (lower.endsWith(".tmx")) {
    const { text } = decodeXmlBytes(bytes, fileName, "tmx");
    return readTmx(text, { fileName, defaultTitle: fileName.replace(/\.tmx$/i, "") });
  }
  throw new AppError("import.unsupportedFormat", { file: fileName });
}

/**
 * Import Selaras JSON or TMX. Nothing is written until the user has seen the plan; documents that
 * already exist are kept, replaced or imported as copies, as the user chooses. One transaction.
 */
export function ImportTmDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(["io", "common"]);
  const db = useDb();
  const user = useUser();
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [plan, setPlan] = useState<BundleImportPlan | null>(null);
  const [policy, setPolicy] = useState<ConflictPolicy>("keep");
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onFile = async (file: File | undefined) => {
    setError(null);
    setBundle(null);
    setPlan(null);
    setDone(null);
    if (!file) return;
    try {
      const parsed = parseBundle(file.name, await readFileBytes(file));
      setBundle(parsed);
      setPlan(await planBundleImport(db, parsed));
    } catch (err) {
      const info = toErrorInfo(err);
      setError({ ...info, params: { file: file.name, ...info.params } });
    }
  };

  const apply = async (e: FormEvent) => {
    e.preventDefault();
    if (!bundle) return;
    try {
      const result = await applyBundleImport(db, bundle, policy, user.name);
      setDone(
        t("io:importTm.done", {
          created: result.created.length,
          replaced: result.replaced.length,
          kept: result.kept.length,
        }),
      );
      setBundle(null);
      setPlan(null);
    } catch (err) {
      setError(toErrorInfo(err));
    }
  };

  return (
    <Dialog title={t("io:importTm.title")} onClose={onClose} testId="import-tm-dialog">
      <form className="form" onSubmit={(e) => void apply(e)}>
        <label className="field">
          <span>{t("io:importTm.file")}</span>
          <input
            type="file"
            accept=".json,.tmx"
            data-testid="import-tm-file"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
        <p className="hint">{t("io:importTm.hint")}</p>
        {plan && (
          <div className="plan" data-testid="import-tm-plan">
            <p>
              {t("io:importTm.plan", {
                newDocuments: plan.newDocuments,
                unchanged: plan.unchanged,
                conflicts: plan.conflicts.length,
              })}
            </p>
            {plan.conflicts.length > 0 && (
              <fieldset>
                <legend>{t("io:importTm.conflictsLegend")}</legend>
                <ul>
                  {plan.conflicts.map((c) => (
                    <li key={c.docId}>
                      {t("io:importTm.conflict", {
                        title: c.existingTitle,
                        count: c.changedTargets,
                      })}
                    </li>
                  ))}
                </ul>
                {(["keep", "copy", "replace"] as const).map((p) => (
                  <label key={p} className="radio">
                    <input
                      type="radio"
                      name="policy"
                      value={p}
                      checked={policy === p}
                      onChange={() => setPolicy(p)}
                    />
                    {t(`io:importTm.policy.${p}`)}
                  </label>
                ))}
              </fieldset>
            )}
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            <ErrorText error={error} />
          </p>
        )}
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
            disabled={!bundle}
            data-testid="import-tm-apply"
          >
            {t("io:importTm.apply")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
