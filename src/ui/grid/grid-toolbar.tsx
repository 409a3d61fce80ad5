import { useTranslation } from "react-i18next";
import type { Role } from "../../core/model/profile.ts";

export type ToolbarAction =
  | "undo"
  | "redo"
  | "resegment"
  | "replace"
  | "approveVisible"
  | "import"
  | "align"
  | "realign"
  | "help"
  | "export";

/** The document's tools; actions that need the whole document wait until it is loaded. */
export function GridToolbar({
  history,
  complete,
  role,
  onAction,
}: {
  history: { undo: string | null; redo: string | null } | undefined;
  complete: boolean;
  role: Role;
  onAction: (action: ToolbarAction) => void;
}) {
  const { t } = useTranslation(["grid", "common"]);
  return (
    <div className="toolbar" role="toolbar" aria-label={t("grid:toolbar")}>
      <button
        type="button"
        data-testid="undo"
        onClick={() => onAction("undo")}
        disabled={!history?.undo}
        aria-keyshortcuts="Control+Z"
        title={
          history?.undo
            ? t("grid:undoWhat", {
                what: t(`grid:history.action.${history.undo}` as "grid:history.action.edit"),
              })
            : t("grid:undo")
        }
      >
        ↶ {t("grid:undo")}
      </button>
      <button
        type="button"
        data-testid="redo"
        onClick={() => onAction("redo")}
        disabled={!history?.redo}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
      >
        ↷ {t("grid:redo")}
      </button>
      <button
        type="button"
        data-testid="resegment"
        disabled={!complete}
        onClick={() => onAction("resegment")}
      >
        {t("grid:resegment")}
      </button>
      <button
        type="button"
        data-testid="replace-open"
        disabled={!complete}
        onClick={() => onAction("replace")}
      >
        {t("grid:replace.open")}
      </button>
      {role === "reviewer" && (
        <button
          type="button"
          data-testid="approve-visible"
          disabled={!complete}
          onClick={() => onAction("approveVisible")}
        >
          {t("grid:approveVisible")}
        </button>
      )}
      <button
        type="button"
        data-testid="align-open"
        disabled={!complete}
        title={t("grid:alignHint")}
        onClick={() => onAction("align")}
      >
        {t("grid:align")}
      </button>
      <button
        type="button"
        data-testid="realign"
        disabled={!complete}
        title={t("grid:realignHint")}
        onClick={() => onAction("realign")}
      >
        {t("grid:realign")}
      </button>
      <button type="button" data-testid="import-into-doc" onClick={() => onAction("import")}>
        {t("grid:importTranslations")}
      </button>
      <button type="button" onClick={() => onAction("help")} aria-keyshortcuts="Alt+H">
        {t("grid:shortcuts")}
      </button>
      <button
        type="button"
        className="primary"
        data-testid="export-open"
        onClick={() => onAction("export")}
      >
        {t("grid:export")}
      </button>
    </div>
  );
}
