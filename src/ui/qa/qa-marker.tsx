import { useEffect } from "react";
import { useTranslation } from "react-i18next";
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

/**
 * A cell's QA marker beside its status: the worst severity's icon and colour with the count, named
 * "2 QA findings: …" (also its title, shown on hover), a button that opens the QA panel; and the
 * list of messages under the cell, shown while the cell has focus and read as the field's
 * description. The typed text is checked after a pause in typing.
 */
export function QaMarker({
  segmentId,
  lang,
  index,
  text,
  onOpen,
}: {
  segmentId: string;
  lang: TargetLang;
  index: number;
  /** The cell's current (typed) text. */
  text: string;
  onOpen: () => void;
}) {
  const { t } = useTranslation("qa");
  const store = useQaStore();
  const findings = useCellFindings(segmentId, lang);
  const message = useFindingText();
  useEffect(() => {
    if (!store) return;
    const timer = setTimeout(() => store.setLive(segmentId, lang, text), QA_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [store, segmentId, lang, text]);
  if (findings.length === 0) return null;
  // Dismissed findings are here only while they are shown: marked as dismissed, not counted.
  const open: readonly ShownFinding[] = findings.filter((f) => !f.dismissal);
  const severity = worstSeverity(open.length > 0 ? open : findings);
  const messages = findings.map((f) =>
    f.dismissal
      ? t("marker.dismissedItem", { message: message(f.finding), reason: f.dismissal.reason })
      : message(f.finding),
  );
  const label =
    open.length > 0
      ? t("marker.label", { count: open.length, messages: messages.join("; ") })
      : t("marker.dismissed", { count: findings.length, messages: messages.join("; ") });
  return (
    <>
      <button
        type="button"
        className={`qa-marker qa-${severity}${open.length === 0 ? " qa-marker-dismissed" : ""}`}
        data-testid={`qa-marker-${lang}-${index}`}
        data-severity={severity}
        data-dismissed={open.length === 0 || undefined}
        tabIndex={-1}
        aria-label={label}
        title={messages.join("\n")}
        onClick={onOpen}
      >
        <SeverityIcon severity={severity} />
        <span aria-hidden="true">{open.length > 0 ? open.length : findings.length}</span>
      </button>
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
            <span className="visually-hidden">{t(`severity.${f.finding.severity}`)}: </span>
            {messages[k]}
          </li>
        ))}
      </ul>
    </>
  );
}
