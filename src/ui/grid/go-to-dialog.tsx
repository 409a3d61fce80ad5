import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../shared/dialog.tsx";

/**
 * Go to segment N (Ctrl+G, issue 13 item 17): a number from 1 to the document's count; `onGo` says
 * why it cannot go there (the segment is hidden by the filter), or null once it went.
 */
export function GoToDialog({
  count,
  current,
  onGo,
  onClose,
}: {
  count: number;
  /** The focused segment's number, offered first. */
  current: number | null;
  onGo: (n: number) => string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(["grid", "common"]);
  const [value, setValue] = useState(current ? String(current) : "");
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value.trim());
    if (!Number.isInteger(n) || n < 1 || n > count) {
      setError(t("grid:goTo.outOfRange", { count }));
      return;
    }
    setError(onGo(n));
  };
  return (
    <Dialog title={t("grid:goTo.title")} onClose={onClose} testId="go-to-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <label className="field">
          <span>{t("grid:goTo.label", { count })}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={count}
            data-testid="go-to-input"
            value={value}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p className="form-error" role="alert" id={errorId} data-testid="go-to-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t("common:cancel")}
          </button>
          <button type="submit" className="primary" data-testid="go-to-submit">
            {t("grid:goTo.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
