import { useTranslation } from "react-i18next";
import type { QaStore } from "./qa-store.ts";
import { useQaSnapshot } from "./qa-context.ts";
import { worstSeverity } from "./qa-marker.tsx";
import { SeverityIcon } from "./severity-icon.tsx";
import "./qa.css";

/** The page's QA button: opens or closes the QA panel, with the document's count of findings. */
export function QaButton({
  store,
  open,
  onToggle,
}: {
  store: QaStore | null;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation("qa");
  const snapshot = useQaSnapshot(store);
  const count = snapshot.findings.length;
  const label = t("panel.openLabel", { count });
  return (
    <button
      type="button"
      className={`qa-button${count > 0 ? ` qa-${worstSeverity(snapshot.findings)}` : ""}`}
      data-testid="qa-open"
      data-checking={snapshot.checking}
      aria-pressed={open}
      aria-label={label}
      title={label}
      onClick={onToggle}
    >
      {count > 0 && <SeverityIcon severity={worstSeverity(snapshot.findings)} />}
      <span aria-hidden="true">
        {t("panel.open")} {snapshot.checking && count === 0 ? "…" : count}
      </span>
    </button>
  );
}
