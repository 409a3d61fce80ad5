import { useTranslation } from "react-i18next";

/**
 * The conflict marker of a cell with competing versions: a button (an SVG icon with an accessible
 * name, the count beside it) that opens the conflict dialog.
 */
export function ConflictMarker({
  count,
  testId,
  onOpen,
  tabIndex,
}: {
  count: number;
  testId: string;
  onOpen: () => void;
  /** -1 inside the grid, whose cells are one Tab stop (the key Ctrl+Shift+K opens it there). */
  tabIndex?: number;
}) {
  const { t } = useTranslation("handoff");
  const label = t("conflict.badge", { count });
  return (
    <button
      type="button"
      className="conflict-marker"
      data-testid={testId}
      aria-label={label}
      title={label}
      tabIndex={tabIndex}
      onClick={onOpen}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          d="M5 2v6.5a2.5 2.5 0 0 0 2.5 2.5H11M11 2v4.5M5 14v-1"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
        />
        <circle cx="11" cy="8.5" r="1.6" fill="currentColor" />
        <circle cx="5" cy="13" r="1.2" fill="currentColor" />
      </svg>
      <span>{count}</span>
    </button>
  );
}
