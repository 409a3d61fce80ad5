import { useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState } from "react";
import type { FocusEvent, KeyboardEvent, Ref } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { dismissPlaced } from "../../db/operations/qa-dismissals.ts";
import { FormError } from "../shared/error-text.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { DismissForm } from "./dismiss-form.tsx";
import type { TargetLang } from "../../core/model/languages.ts";
import type { PlacedFinding } from "../../core/qa/run-qa.ts";
import type { Severity } from "../../core/qa/types.ts";
import { useCellFindings, useQaStore } from "./qa-context.ts";
import { QA_DEBOUNCE_MS, type ShownFinding } from "./qa-store.ts";
import { SeverityIcon } from "./severity-icon.tsx";
import { useFindingText } from "./use-finding-text.ts";
import "./qa.css";

/** The worst severity of a cell's findings. */
export function worstSeverity(findings: readonly PlacedFinding[]): Severity {
  if (findings.some((f) => f.finding.severity === "error")) return "error";
  if (findings.some((f) => f.finding.severity === "warning")) return "warning";
  return "info";
}

/** The id of a cell's list of messages (the field's aria-describedby). */
export const qaMessagesId = (lang: TargetLang, index: number) => `qa-messages-${lang}-${index}`;

/** What a cell can ask of its marker: open the popup and move focus into it (Alt+Q). */
export interface QaMarkerHandle {
  /** Opens the popup with focus on its first button; false when the cell has no findings. */
  open: () => boolean;
}

/** Whether the pointer is over the element (false where `:hover` cannot be asked). */
function hovered(el: HTMLElement | null): boolean {
  try {
    return !!el?.matches(":hover");
  } catch {
    return false;
  }
}

/** How long the popup opened by the pointer stays once the pointer left marker and popup. */
const HOVER_CLOSE_MS = 300;

/**
 * A cell's QA marker beside its status: the worst severity's icon and colour with the count, named
 * "2 QA findings: …"; and the list of messages under the cell, shown while the cell has focus and
 * read as the field's description. The typed text is checked after a pause in typing.
 *
 * Pointing at the marker, clicking it or Alt+Q in the cell opens its popup (a non-modal dialog):
 * each finding with its message and "Dismiss…", which asks for the reason right there
 * (DismissForm), and a button to the QA panel. Tab moves through it and on out of it (no trap);
 * Esc closes it and puts focus back in the cell's field.
 */
export function QaMarker({
  segmentId,
  lang,
  index,
  text,
  user,
  onOpen,
  onReturn,
  handle,
}: {
  segmentId: string;
  lang: TargetLang;
  index: number;
  /** The cell's current (typed) text. */
  text: string;
  /** Who dismisses (stamped on the dismissal). */
  user: string;
  /** Opens the QA panel. */
  onOpen: () => void;
  /** Puts focus back in the cell's field (Esc in the popup, or the last finding dismissed). */
  onReturn: () => void;
  handle?: Ref<QaMarkerHandle>;
}) {
  const { t } = useTranslation(["qa", "common"]);
  const store = useQaStore();
  const findings = useCellFindings(segmentId, lang);
  const message = useFindingText();
  const db = useDb();
  const { error, setError, run } = useErrorAction();
  /** The popup: opened by the pointer (closes when it leaves), or for the keyboard (stays). */
  const [popup, setPopup] = useState<"hover" | "focus" | null>(null);
  /** The finding whose reason is being asked (its fingerprint). */
  const [asking, setAsking] = useState<string | null>(null);
  const [above, setAbove] = useState(false);
  /** How far left of the marker the popup starts (px, ≤ 0), so that it stays in the grid. */
  const [shift, setShift] = useState(0);
  const wrap = useRef<HTMLSpanElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const focusFirst = useRef(false);
  /** The popup as it was when the pointer pressed the marker (the press's focus changes it). */
  const atPress = useRef<"hover" | "focus" | null>(null);
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const popupId = useId();
  useEffect(() => {
    if (!store) return;
    const timer = setTimeout(() => store.setLive(segmentId, lang, text), QA_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [store, segmentId, lang, text]);
  useEffect(
    () => () => {
      if (hoverTimer.current) clearTimeout(hoverTimer.current);
    },
    [],
  );
  const hasFindings = findings.length > 0;
  const openForKeyboard = () => {
    if (!hasFindings) return false;
    focusFirst.current = true;
    setPopup("focus");
    // Already open: the effect below does not run again, so focus moves here.
    box.current?.querySelector<HTMLElement>("button, input")?.focus({ preventScroll: true });
    return true;
  };
  useImperativeHandle(handle, () => ({ open: openForKeyboard }));
  const close = (back: boolean) => {
    setPopup(null);
    setAsking(null);
    setError(null);
    if (back) onReturn();
  };
  // Opened for the keyboard: focus on its first control. Near the bottom of the grid: above.
  useLayoutEffect(() => {
    const el = box.current;
    if (!popup || !el) return;
    // The grid's scroll area clips what sticks out of it: the popup stays inside it.
    const scroller = el.closest<HTMLElement>('[data-testid="grid-scroll"]');
    const area = scroller?.getBoundingClientRect();
    const top = area ? area.top : 0;
    const bottom = area ? area.top + scroller!.clientHeight : window.innerHeight;
    const left = area ? area.left : 0;
    const right = area ? area.left + scroller!.clientWidth : window.innerWidth;
    const marker = wrap.current?.getBoundingClientRect();
    if (marker) {
      setAbove(
        marker.bottom + el.offsetHeight + 8 > bottom && marker.top - el.offsetHeight - 8 > top,
      );
      const overflow = marker.left + el.offsetWidth - (right - 6);
      setShift(overflow > 0 ? -Math.max(0, Math.min(overflow, marker.left - left - 6)) : 0);
    }
    if (focusFirst.current) {
      focusFirst.current = false;
      el.querySelector<HTMLElement>("button, input")?.focus({ preventScroll: true });
    }
  }, [popup, asking]);
  // No findings left (fixed or dismissed): no popup.
  useEffect(() => {
    if (!hasFindings && popup) setPopup(null);
  }, [hasFindings, popup]);
  if (!hasFindings) return null;
  // Dismissed findings are here only while they are shown: marked as dismissed, not counted.
  const open: readonly ShownFinding[] = findings.filter((f) => !f.dismissal);
  const severity = worstSeverity(open.length > 0 ? open : findings);
  const messages = findings.map((f) =>
    f.dismissal
      ? t("qa:marker.dismissedItem", { message: message(f.finding), reason: f.dismissal.reason })
      : message(f.finding),
  );
  const label =
    open.length > 0
      ? t("qa:marker.label", { count: open.length, messages: messages.join("; ") })
      : t("qa:marker.dismissed", { count: findings.length, messages: messages.join("; ") });
  const langName = t(`common:lang.${lang}`);

  const dismiss = (f: ShownFinding, reason: string) =>
    void run(async () => {
      await dismissPlaced(db, f, reason, user);
      setAsking(null);
      // The last open finding dismissed: back to the cell; else on to the next one's button.
      if (open.length <= 1) close(true);
      else
        requestAnimationFrame(() =>
          box.current
            ?.querySelector<HTMLElement>("[data-qa-popup-dismiss]")
            ?.focus({ preventScroll: true }),
        );
    });

  const enter = () => {
    if (hoverTimer.current) clearTimeout(hoverTimer.current);
    hoverTimer.current = null;
    if (!popup) setPopup("hover");
  };
  const leave = () => {
    if (popup !== "hover") return;
    if (hoverTimer.current) clearTimeout(hoverTimer.current);
    hoverTimer.current = setTimeout(
      () => setPopup((p) => (p === "hover" ? null : p)),
      HOVER_CLOSE_MS,
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== "Escape" || !popup) return;
    // Esc in the reason field cancels the reason first (the form stops it there).
    e.preventDefault();
    e.stopPropagation();
    close(true);
  };
  // Focus moved somewhere else (Tab past the last control, a click outside): the popup closes.
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    const next = e.relatedTarget as Node | null;
    if (next && wrap.current?.contains(next)) return;
    if (next === null && hovered(wrap.current)) return;
    if (popup) close(false);
  };
  // Focus came in by a click or Tab (the pointer's popup): it now stays while focus is inside.
  const onFocus = () => {
    if (popup === "hover") setPopup("focus");
  };

  return (
    <>
      <span
        ref={wrap}
        className="qa-marker-wrap"
        onMouseEnter={enter}
        onMouseLeave={leave}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        onFocus={onFocus}
      >
        <button
          type="button"
          className={`qa-marker qa-${severity}${open.length === 0 ? " qa-marker-dismissed" : ""}`}
          data-testid={`qa-marker-${lang}-${index}`}
          data-severity={severity}
          data-dismissed={open.length === 0 || undefined}
          tabIndex={-1}
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={popup !== null}
          aria-controls={popup ? popupId : undefined}
          aria-keyshortcuts="Alt+Q"
          onPointerDown={() => (atPress.current = popup)}
          onClick={() => {
            const was = atPress.current ?? popup;
            atPress.current = null;
            if (was === "focus") close(true);
            else openForKeyboard();
          }}
        >
          <SeverityIcon severity={severity} />
          <span aria-hidden="true">{open.length > 0 ? open.length : findings.length}</span>
        </button>
        {popup && (
          <div
            ref={box}
            id={popupId}
            role="dialog"
            aria-modal="false"
            aria-label={t("qa:popup.title", { n: index + 1, lang: langName })}
            className={`qa-popup${above ? " qa-popup-above" : ""}`}
            style={shift < 0 ? { left: `${shift}px` } : undefined}
            data-testid={`qa-popup-${lang}-${index}`}
          >
            <p className="qa-popup-title" aria-hidden="true">
              {t("qa:popup.title", { n: index + 1, lang: langName })}
            </p>
            <FormError error={error} />
            <ul className="qa-popup-list">
              {findings.map((f, k) => (
                <li
                  key={`${f.fingerprint}-${k}`}
                  className={`qa-${f.finding.severity}${f.dismissal ? " qa-dismissed" : ""}`}
                  data-testid={`qa-popup-item-${lang}-${index}`}
                >
                  <span className="qa-popup-message">
                    <SeverityIcon severity={f.finding.severity} />
                    <span>
                      <span className="visually-hidden">
                        {t(`qa:severity.${f.finding.severity}`)}:{" "}
                      </span>
                      {messages[k]}
                    </span>
                  </span>
                  {!f.dismissal && (
                    <button
                      type="button"
                      className="qa-item-action"
                      data-qa-popup-dismiss={f.fingerprint}
                      data-testid={`qa-popup-dismiss-${lang}-${index}`}
                      aria-expanded={asking === f.fingerprint}
                      aria-label={t("qa:dismiss.label", {
                        n: index + 1,
                        lang: langName,
                        message: message(f.finding),
                      })}
                      onClick={() => setAsking(asking === f.fingerprint ? null : f.fingerprint)}
                    >
                      {t("qa:dismiss.open")}
                    </button>
                  )}
                  {asking === f.fingerprint && (
                    <DismissForm
                      id={`${popupId}-reason`}
                      onDismiss={(reason) => dismiss(f, reason)}
                      onCancel={() => {
                        setAsking(null);
                        box.current
                          ?.querySelector<HTMLElement>(`[data-qa-popup-dismiss="${f.fingerprint}"]`)
                          ?.focus({ preventScroll: true });
                      }}
                    />
                  )}
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="qa-popup-panel"
              data-testid={`qa-popup-panel-${lang}-${index}`}
              onClick={() => {
                close(false);
                onOpen();
              }}
            >
              {t("qa:popup.panel")}
            </button>
          </div>
        )}
      </span>
      <ul
        className="qa-messages"
        id={qaMessagesId(lang, index)}
        data-testid={`qa-messages-${lang}-${index}`}
      >
        {findings.map((f, k) => (
          <li
            key={`${f.fingerprint}-${k}`}
            className={`qa-${f.finding.severity}${f.dismissal ? " qa-dismissed" : ""}`}
          >
            <SeverityIcon severity={f.finding.severity} />
            <span className="visually-hidden">{t(`qa:severity.${f.finding.severity}`)}: </span>
            {messages[k]}
          </li>
        ))}
      </ul>
    </>
  );
}
