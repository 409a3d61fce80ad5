import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SegmentRecord, TranslationRecord } from "../../core/model/records.ts";
import { translationId } from "../../core/model/records.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import { planReplace, type TextQuery } from "../../core/review/filter.ts";
import { useDb } from "../../db/db-context.ts";
import { replaceTexts } from "../../db/operations/review.ts";
import { toErrorInfo } from "../../db/autosave.ts";
import { Dialog } from "../shared/dialog.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { ErrorText } from "../shared/error-text.tsx";
import { wordDiff } from "../../core/text/word-diff.ts";
import { isComposing, nfcField } from "../shared/nfc-field.ts";
import { useConfirm } from "../shared/confirm-dialog.tsx";

export interface FindReplaceProps {
  docId: string;
  segments: readonly SegmentRecord[];
  /** The rows in view (a filter applies to replace too). */
  visible: readonly number[];
  translations: ReadonlyMap<string, TranslationRecord>;
  user: string;
  onClose: () => void;
  /** Told after a replace: how many occurrences in how many segments (for the grid's notice). */
  onReplaced?: (occurrences: number, segments: number) => void;
}

/** Find and replace in one target column, with a preview of every change, applied as one undoable step. */
export function FindReplaceDialog({
  docId,
  segments,
  visible,
  translations,
  user,
  onClose,
  onReplaced,
}: FindReplaceProps) {
  const { t } = useTranslation(["grid", "common", "a11y"]);
  const confirm = useConfirm();
  const db = useDb();
  const [lang, setLang] = useState<TargetLang>("vi");
  const [query, setQuery] = useState<TextQuery>({
    text: "",
    caseSensitive: false,
    wholeWord: false,
    regex: false,
  });
  const [replacement, setReplacement] = useState("");
  const { error, run } = useErrorAction();

  const texts = useMemo(
    () =>
      visible.map((i) => translations.get(translationId(segments[i]?.id ?? "", lang))?.text ?? ""),
    [visible, segments, translations, lang],
  );
  const plan = useMemo(() => {
    try {
      return { plans: planReplace(texts, query, replacement), error: null };
    } catch (err) {
      return { plans: [], error: toErrorInfo(err) };
    }
  }, [texts, query, replacement]);
  const total = plan.plans.reduce((n, p) => n + p.count, 0);

  const apply = async (e: FormEvent) => {
    e.preventDefault();
    // Replaced text goes back to Draft: say so first when confirmed or approved work would.
    const downgraded = plan.plans.filter((p) => {
      const status = translations.get(translationId(segments[visible[p.row]!]!.id, lang))?.status;
      return status === "translated" || status === "approved";
    }).length;
    if (
      downgraded > 0 &&
      !(await confirm.ask({
        action: t("a11y:replace.confirmTitle"),
        message: t("a11y:replace.confirmDowngrade", { count: downgraded }),
      }))
    )
      return;
    const replacements = plan.plans.map((p) => ({
      segmentId: segments[visible[p.row]!]!.id,
      lang,
      expected: p.before,
      text: p.after,
    }));
    if (await run(() => replaceTexts(db, docId, replacements, user))) {
      onReplaced?.(total, replacements.length);
      onClose();
    }
  };

  return (
    <Dialog title={t("grid:replace.title")} onClose={onClose} testId="replace-dialog">
      <form className="form" onSubmit={(e) => void apply(e)}>
        <div className="form-row">
          <label className="field">
            <span>{t("grid:replace.column")}</span>
            <select
              value={lang}
              onChange={(e) => setLang(e.target.value as TargetLang)}
              data-testid="replace-lang"
            >
              {TARGET_LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`common:lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field grow">
            <span>{t("grid:replace.find")}</span>
            <input
              data-testid="replace-find"
              value={query.text}
              onChange={(e) => setQuery({ ...query, text: nfcField(e.target, isComposing(e)) })}
              onCompositionEnd={(e) => setQuery({ ...query, text: nfcField(e.currentTarget) })}
            />
          </label>
          <label className="field grow">
            <span>{t("grid:replace.with")}</span>
            <input
              data-testid="replace-with"
              value={replacement}
              onChange={(e) => setReplacement(nfcField(e.target, isComposing(e)))}
              onCompositionEnd={(e) => setReplacement(nfcField(e.currentTarget))}
            />
          </label>
        </div>
        <div className="form-row">
          {(["caseSensitive", "wholeWord", "regex"] as const).map((k) => (
            <label key={k} className="checkbox">
              <input
                type="checkbox"
                checked={query[k]}
                onChange={(e) => setQuery({ ...query, [k]: e.target.checked })}
              />
              {t(`grid:filter.${k}`)}
            </label>
          ))}
        </div>
        <p className="hint" data-testid="replace-summary">
          {t("grid:replace.summary", { count: total, segments: plan.plans.length })}
        </p>
        {plan.plans.length > 0 && (
          <ol className="replace-preview">
            {plan.plans.slice(0, 200).map((p) => (
              <li key={p.row}>
                <span className="seg-number">{(visible[p.row] ?? 0) + 1}</span>{" "}
                {wordDiff(p.before, p.after).map((part, i) =>
                  part.kind === "same" ? (
                    <span key={i}>{part.text}</span>
                  ) : part.kind === "added" ? (
                    <ins key={i}>{part.text}</ins>
                  ) : (
                    <del key={i}>{part.text}</del>
                  ),
                )}
              </li>
            ))}
          </ol>
        )}
        {(plan.error ?? error) && (
          <p className="form-error" role="alert">
            <ErrorText error={(plan.error ?? error)!} />
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t("common:cancel")}
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="replace-apply"
            disabled={plan.plans.length === 0}
          >
            {t("grid:replace.apply", { count: plan.plans.length })}
          </button>
        </div>
      </form>
      {confirm.dialog}
    </Dialog>
  );
}
