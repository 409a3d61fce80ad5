import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import "./grid-a11y.css";

const TABBABLE =
  'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex], summary';

/** The page's Tab stops in document order (what Tab would visit), outside closed dialogs. */
export function tabStops(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !el.closest("[inert], dialog:not([open])") &&
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== "hidden",
  );
}

/**
 * Moves focus out of `container` to the Tab stop after it (+1) or before it (-1), as the WAI-ARIA
 * grid pattern wants Tab to leave a grid; with none on that side, to the first (or last) Tab stop
 * of the page. Returns the element focused, or null.
 */
export function leaveContainer(container: HTMLElement, direction: 1 | -1): HTMLElement | null {
  const outside = tabStops().filter((el) => !container.contains(el));
  const after = outside.filter(
    (el) => container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  const before = outside.filter(
    (el) => container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING,
  );
  const target = direction > 0 ? (after[0] ?? outside[0]) : (before.at(-1) ?? outside.at(-1));
  target?.focus();
  return target ?? null;
}

/**
 * "Skip to the grid": the first Tab stop of the page while a grid is shown, visible when focused. It
 * is placed before the app (a portal at the start of <body>), so it comes before the header.
 */
export function SkipToGrid({ onSkip }: { onSkip: () => void }) {
  const { t } = useTranslation("a11y");
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const el = document.createElement("div");
    el.className = "skip-host";
    document.body.prepend(el);
    setHost(el);
    return () => el.remove();
  }, []);
  if (!host) return null;
  return createPortal(
    <button type="button" className="skip-link" data-testid="skip-to-grid" onClick={onSkip}>
      {t("skipToGrid")}
    </button>,
    host,
  );
}
