import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../core/model/languages.ts";
import { TERM_STATUSES, type TermStatus } from "../../core/glossary/model.ts";
import { Dialog } from "../shared/dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";

/** A term as the dialog edits it: one per language. */
export interface TermInput {
  lang: string;
  text: string;
  status?: TermStatus;
}

/**
 * Add a glossary concept (`initial` holds the selected text as its Indonesian term) or edit one
 * (`initial` holds its first term per language): a text and a status per language.
 */
export function TermDialog(props: {
  mode: "add" | "edit";
  initial: readonly TermInput[];
  langs: readonly TargetLang[];
  onClose: () => void;
  onSave: (terms: TermInput[]) => Promise<void>;
}) {
  const { mode, initial, langs, onClose, onSave } = props;
  const { t } = useTranslation(["tm", "common"]);
  const [values, setValues] = useState<Record<string, TermInput>>(() =>
    Object.fromEntries(initial.map((term) => [term.lang, term])),
  );
  const { error, run } = useErrorAction();
  const all: string[] = ["id", ...langs];
  const set = (lang: string, change: Partial<TermInput>) =>
    setValues((v) => ({ ...v, [lang]: { lang, text: "", ...v[lang], ...change } }));
  const firstEmpty = (values["id"]?.text ?? "") === "" ? 0 : 1;
  return (
    <Dialog
      title={t(mode === "add" ? "tm:glossary.addDialog" : "tm:glossary.editDialog")}
      onClose={onClose}
      testId={mode === "add" ? "glossary-add-dialog" : "glossary-edit-dialog"}
    >
      <form
        className="glossary-add-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await onSave(
              all.map((lang) => {
                const v = values[lang];
                return { lang, text: v?.text ?? "", ...(v?.status ? { status: v.status } : {}) };
              }),
            );
            onClose();
          });
        }}
      >
        {all.map((lang, i) => {
          const name = t(`common:lang.${lang}` as "common:lang.vi");
          return (
            <div key={lang} className="glossary-term-field">
              <label>
                {name}
                <input
                  type="text"
                  lang={lang}
                  autoFocus={i === (mode === "edit" ? 0 : firstEmpty)}
                  data-testid={`glossary-add-${lang}`}
                  value={values[lang]?.text ?? ""}
                  onChange={(e) => set(lang, { text: e.target.value })}
                />
              </label>
              <select
                aria-label={t("tm:glossary.statusLabel", { lang: name })}
                data-testid={`glossary-status-${lang}`}
                value={values[lang]?.status ?? ""}
                onChange={(e) => {
                  const status = e.target.value as TermStatus | "";
                  setValues((v) => {
                    const { status: _old, ...rest } = v[lang] ?? { lang, text: "" };
                    return { ...v, [lang]: status ? { ...rest, status } : rest };
                  });
                }}
              >
                <option value="">{t("tm:glossary.statusNone")}</option>
                {TERM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`tm:glossary.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <FormError error={error} />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t("common:cancel")}
          </button>
          <button type="submit" className="primary" data-testid="glossary-add-save">
            {t(mode === "add" ? "tm:glossary.save" : "tm:glossary.update")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
