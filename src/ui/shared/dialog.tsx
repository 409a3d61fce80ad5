import { useEffect, useId, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  /**
   * A step that cannot be skipped (the first-start profile): no close button, Esc does not close it
   * (`onEscape` is told, to say why), and the browser closing it anyway reopens it.
   */
  required?: boolean;
  onEscape?: () => void;
}

/** A modal dialog on the native <dialog> element: focus is trapped, Esc closes, the title names it. */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  testId,
  required = false,
  onEscape,
}: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The latest callbacks, so the dialog opens once: callers may pass new functions every render.
  const latest = useRef({ onClose, onEscape, required });
  useEffect(() => {
    latest.current = { onClose, onEscape, required };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const open = () => {
      if (typeof dialog.showModal === "function" && !dialog.open) dialog.showModal();
      else dialog.setAttribute("open", "");
    };
    open();
    focusFirstField(dialog);
    let unmounting = false;
    const escape = () => {
      if (latest.current.required) latest.current.onEscape?.();
      else latest.current.onClose();
    };
    const onCancel = (e: Event) => {
      e.preventDefault();
      escape();
    };
    // Chromium closes a modal dialog on a second Esc without user activation in between, whatever
    // the cancel handler says: a required dialog takes Esc before it becomes a close request.
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === "Escape" && latest.current.required) {
        e.preventDefault();
        escape();
      }
    };
    const onClosed = () => {
      if (!unmounting && latest.current.required) open();
    };
    dialog.addEventListener("cancel", onCancel);
    dialog.addEventListener("keydown", onKeyDown);
    dialog.addEventListener("close", onClosed);
    return () => {
      unmounting = true;
      dialog.removeEventListener("cancel", onCancel);
      dialog.removeEventListener("keydown", onKeyDown);
      dialog.removeEventListener("close", onClosed);
      if (dialog.open && typeof dialog.close === "function") dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} data-testid={testId}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        {!required && (
          <button type="button" className="icon-button" onClick={onClose} aria-label={t("close")}>
            ×
          </button>
        )}
      </div>
      <div className="dialog-body">{children}</div>
      {footer && <div className="dialog-foot">{footer}</div>}
    </dialog>
  );
}

const FIELDS =
  "input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled)";
const FOCUSABLE = `${FIELDS}, button:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])`;

/**
 * Where a dialog opens: the element marked data-autofocus, else its first field, else the first
 * control of its body, else of its footer; never the close button (the browser's default).
 */
function focusFirstField(dialog: HTMLDialogElement): void {
  const body = dialog.querySelector(".dialog-body");
  const foot = dialog.querySelector(".dialog-foot");
  const target =
    dialog.querySelector<HTMLElement>("[data-autofocus]") ??
    body?.querySelector<HTMLElement>(FIELDS) ??
    body?.querySelector<HTMLElement>(FOCUSABLE) ??
    foot?.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus();
}
