import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../core/model/languages.ts";
import { useCellFindings } from "./qa-context.ts";
import { worstSeverity } from "./qa-marker.tsx";
import { SeverityIcon } from "./severity-icon.tsx";
import { useFindingText } from "./use-finding-text.ts";

/** Messages shown beside Approve before "+n" (the marker's title and the panel list them all). */
const SHOWN = 2;

/**
 * For a reviewer, beside Approve: the cell's open QA findings (dismissed ones left out) written
 * out, so that approving is a decision about them.
 */
export function QaReviewNote({
  segmentId,
  lang,
  index,
}: {
  segmentId: string;
  lang: TargetLang;
  index: number;
}) {
  const { t } = useTranslation("qa");
  const message = useFindingText();
  const findings = useCellFindings(segmentId, lang).filter((f) => !f.dismissal);
  if (findings.length === 0) return null;
  const messages = findings.map((f) => message(f.finding));
  const severity = worstSeverity(findings);
  return (
    <span
      className={`qa-review-note qa-${severity}`}
      data-testid={`qa-review-${lang}-${index}`}
      role="note"
      aria-label={t("review.label", { count: findings.length, messages: messages.join("; ") })}
      title={messages.join("\n")}
    >
      <SeverityIcon severity={severity} />
      <span aria-hidden="true">
        {messages.slice(0, SHOWN).join("; ")}
        {messages.length > SHOWN ? ` +${messages.length - SHOWN}` : ""}
      </span>
    </span>
  );
}
