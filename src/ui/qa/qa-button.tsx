import { useTranslation } from "react-i18next";
import type { QaStore } from "./qa-store.ts";
import { useQaSnapshot } from "./qa-context.ts";
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
  const { counts } = snapshot;
  const count = counts.error + counts.warning + counts.info;
  const worst = counts.error > 0 ? "error" : counts.warning > 0 ? "warning" : "info";
  const label = t("panel.openLabel", { count });
  return (
    <button
      type="button"
      className={`qa-button${count > 0 ? ` qa-${worst}` : ""}`}
      data-testid="qa-open"
      data-checking={snapshot.checking}
      aria-pressed={open}
      aria-label={label}
      title={label}
      onClick={onToggle}
    >
      {count > 0 && <SeverityIcon severity={worst} />}
      <span aria-hidden="true">
        {t("panel.open")} {snapshot.checking && count === 0 ? "…" : count}
      </span>
    </button>
  );
}
