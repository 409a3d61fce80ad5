import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CellRef } from "./cells/target-cell.tsx";

/** The details of the active cell beside the grid: its comment thread or its history; Esc closes it. */
export function SidePanel({
  panel,
  cell,
  onPanel,
  onClose,
  children,
}: {
  panel: "comments" | "history";
  cell: CellRef;
  onPanel: (panel: "comments" | "history") => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation(["grid", "common"]);
  return (
    <aside
      className="side-panel"
      aria-label={t("grid:panel.label", { n: cell.index + 1, lang: t(`common:lang.${cell.lang}`) })}
      data-testid="side-panel"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="side-head">
        <div role="tablist" className="tabs">
          {(["comments", "history"] as const).map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              aria-selected={panel === p}
              data-testid={`panel-tab-${p}`}
              onClick={() => onPanel(p)}
            >
              {t(`grid:panel.${p}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={t("common:close")}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <p className="side-title">
        {t("grid:panel.label", { n: cell.index + 1, lang: t(`common:lang.${cell.lang}`) })}
      </p>
      <div role="tabpanel">{children}</div>
    </aside>
  );
}
