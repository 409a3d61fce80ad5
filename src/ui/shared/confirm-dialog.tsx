import { useCallback, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "./dialog.tsx";

export interface ConfirmRequest {
  /** The dialog's title and its confirm button: the action ("Re-segment", "Delete"). */
  action: string;
  message: string;
  /** A destructive action: the button says so by its colour too. */
  danger?: boolean;
}

/**
 * The app's own confirmation dialog instead of window.confirm (which blocks the page, ignores the
 * interface language and cannot be styled): `ask` resolves true on the action's button, false on
 * Cancel, × or Esc. Render `dialog` somewhere in the component.
 */
export function useConfirm(): {
  dialog: ReactNode;
  ask: (request: ConfirmRequest) => Promise<boolean>;
} {
  const { t } = useTranslation();
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const ask = useCallback((next: ConfirmRequest) => {
    resolver.current?.(false);
    setRequest(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const answer = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setRequest(null);
  };
  const dialog = request && (
    <Dialog title={request.action} onClose={() => answer(false)} testId="confirm-dialog">
      <p data-testid="confirm-message">{request.message}</p>
      <div className="dialog-actions">
        <button type="button" data-testid="confirm-cancel" onClick={() => answer(false)}>
          {t("cancel")}
        </button>
        <button
          type="button"
          className={request.danger ? "danger-button" : "primary"}
          data-testid="confirm-ok"
          data-autofocus
          onClick={() => answer(true)}
        >
          {request.action}
        </button>
      </div>
    </Dialog>
  );
  return { dialog, ask };
}
