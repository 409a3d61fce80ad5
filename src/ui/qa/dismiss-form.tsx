import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The reason for dismissing a finding, asked in place under the finding: Enter or the button
 * dismisses (a reason is required), Esc or Cancel goes back without changing anything.
 */
export function DismissForm({
  id,
  onDismiss,
  onCancel,
}: {
  id: string;
  onDismiss: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("qa");
  const [reason, setReason] = useState("");
  const field = useRef<HTMLInputElement>(null);
  // Without scrolling: in a cell's popup, the grid is not to move sideways under it.
  useEffect(() => field.current?.focus({ preventScroll: true }), []);
  const empty = reason.trim() === "";
  return (
    <form
      className="qa-dismiss-form"
      data-testid="qa-dismiss-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!empty) onDismiss(reason.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>{t("dismiss.reason")}</label>
      <input
        ref={field}
        id={id}
        type="text"
        data-testid="qa-dismiss-reason"
        value={reason}
        required
        placeholder={t("dismiss.placeholder")}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="qa-dismiss-actions">
        <button type="button" data-testid="qa-dismiss-cancel" onClick={onCancel}>
          {t("dismiss.cancel")}
        </button>
        <button
          type="submit"
          className="primary"
          data-testid="qa-dismiss-confirm"
          aria-disabled={empty || undefined}
        >
          {t("dismiss.confirm")}
        </button>
      </div>
    </form>
  );
}
