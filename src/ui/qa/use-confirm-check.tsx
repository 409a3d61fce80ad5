import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../core/model/languages.ts";
import { useQaSettings } from "../../db/qa-hooks.ts";
import { Dialog } from "../shared/dialog.tsx";
import type { QaStore } from "./qa-store.ts";
import { useFindingText } from "./use-finding-text.ts";

/** What the question is about: a translator's confirm, or a reviewer's approve. */
export type QaAskKind = "confirm" | "approve";

interface Asked {
  kind: QaAskKind;
  n: number;
  lang: TargetLang;
  messages: string[];
  proceed: () => void;
  fix: () => void;
}

/**
 * Confirming a segment whose typed text has a QA error (not dismissed) asks once: "Confirm anyway"
 * goes on with the confirm, "Fix" (also Esc) goes back to the cell. A reviewer's Approve of such a
 * text asks the same way ("Approve anyway" / "Back to the cell"). The same text of the same cell is
 * not asked about again on this page for the same action. Off with the project setting
 * `askOnConfirm` (both questions).
 */
export function useConfirmCheck(store: QaStore | null): {
  dialog: ReactNode;
  /**
   * Whether the confirm waits for the answer (then `proceed` runs on "Confirm anyway", `fix` on
   * "Fix"); false: confirm now.
   */
  intercept: (
    cell: { segmentId: string; lang: TargetLang; index: number },
    text: string,
    proceed: () => void,
    fix: () => void,
    kind?: QaAskKind,
  ) => boolean;
} {
  const { t } = useTranslation(["qa", "common"]);
  const settings = useQaSettings();
  const message = useFindingText();
  const [asked, setAsked] = useState<Asked | null>(null);
  /** Cell texts confirmed anyway (asked once). */
  const allowed = useRef(new Set<string>());
  const intercept = useCallback(
    (
      cell: { segmentId: string; lang: TargetLang; index: number },
      text: string,
      proceed: () => void,
      fix: () => void,
      kind: QaAskKind = "confirm",
    ) => {
      if (!store || settings?.askOnConfirm === false) return false;
      const key = `${kind}\u0001${cell.segmentId}\u0001${cell.lang}\u0001${text}`;
      if (allowed.current.has(key)) return false;
      const errors = store.errorsFor(cell.segmentId, cell.lang, text);
      if (errors.length === 0) return false;
      setAsked({
        kind,
        n: cell.index + 1,
        lang: cell.lang,
        messages: errors.map((f) => message(f.finding)),
        proceed: () => {
          allowed.current.add(key);
          proceed();
        },
        fix,
      });
      return true;
    },
    [store, settings, message],
  );
  // The answer runs once the dialog is gone: while it is open the grid is inert (a modal dialog),
  // and its closing puts focus back where it was; a cell focused before that lost its focus.
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (asked || !pending.current) return;
    const then = pending.current;
    pending.current = null;
    then();
  }, [asked]);
  const answer = (go: boolean) => {
    const a = asked;
    if (!a) return;
    pending.current = go ? a.proceed : a.fix;
    setAsked(null);
  };
  const approve = asked?.kind === "approve";
  const dialog = asked && (
    <Dialog
      title={approve ? t("qa:approve.title") : t("qa:confirm.title")}
      onClose={() => answer(false)}
      testId="qa-confirm-dialog"
    >
      <p data-testid="qa-confirm-message">
        {t("qa:confirm.message", {
          count: asked.messages.length,
          n: asked.n,
          lang: t(`common:lang.${asked.lang}`),
          messages: asked.messages.join("; "),
        })}
      </p>
      <div className="dialog-actions">
        <button
          type="button"
          data-testid="qa-confirm-fix"
          data-autofocus
          onClick={() => answer(false)}
        >
          {approve ? t("qa:approve.back") : t("qa:confirm.fix")}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="qa-confirm-anyway"
          data-kind={asked.kind}
          onClick={() => answer(true)}
        >
          {approve ? t("qa:approve.anyway") : t("qa:confirm.anyway")}
        </button>
      </div>
    </Dialog>
  );
  return { dialog, intercept };
}
