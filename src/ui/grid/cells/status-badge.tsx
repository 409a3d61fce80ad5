import { useTranslation } from "react-i18next";
import type { Status } from "../../../core/model/status.ts";
import type { TargetLang } from "../../../core/model/languages.ts";

const ICONS: Record<Status, string> = {
  empty: "○",
  draft: "✎",
  translated: "✓",
  approved: "★",
  rejected: "✗",
};

/** Status shown with colour, icon and text (never colour alone). */
export function StatusBadge({
  status,
  lang,
  row,
}: {
  status: Status;
  lang: TargetLang;
  row: number;
}) {
  const { t } = useTranslation();
  return (
    <span
      className={`status-badge status-${status}`}
      data-testid={`status-${lang}-${row}`}
      data-status={status}
    >
      <span aria-hidden="true">{ICONS[status]}</span> {t(`status.${status}`)}
    </span>
  );
}
