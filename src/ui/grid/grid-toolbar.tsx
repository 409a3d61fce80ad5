import { useTranslation } from "react-i18next";
import type { Role } from "../../core/model/profile.ts";
import type { StepSummary } from "../../db/operations/history.ts";

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
  segmentNumber,
  complete,
  role,
  onAction,
}: {
  history: { undo: StepSummary | null; redo: StepSummary | null } | undefined;
  /** 1-based number of a segment in the document (null: no longer in it). */
  segmentNumber: (segmentId: string) => number | null;
  complete: boolean;
  role: Role;
  onAction: (action: ToolbarAction) => void;
}) {
  const { t } = useTranslation(["grid", "common"]);
  // "Undo: edited (segment 12, Vietnamese)", "Redo: find and replace (5 segments)".
  const stepTitle = (kind: "undo" | "redo", step: StepSummary | null) => {
    if (!step) return t(`grid:${kind}`);
    const what = t(`grid:history.action.${step.label}` as "grid:history.action.edit");
    const n = step.place ? segmentNumber(step.place.segmentId) : null;
    if (step.segments > 1) return t(`grid:${kind}Many`, { what, count: step.segments });
    if (n === null) return t(`grid:${kind}What`, { what });
    if (step.place?.lang)
      return t(`grid:${kind}Cell`, { what, n, lang: t(`common:lang.${step.place.lang}`) });
    return t(`grid:${kind}Segment`, { what, n });
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t("grid:toolbar")}>
      <button
        type="button"
        data-testid="undo"
        onClick={() => onAction("undo")}
        disabled={!history?.undo}
        aria-keyshortcuts="Control+Z"
        title={stepTitle("undo", history?.undo ?? null)}
      >
        ↶ {t("grid:undo")}
      </button>
      <button
        type="button"
        data-testid="redo"
        onClick={() => onAction("redo")}
        disabled={!history?.redo}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        title={stepTitle("redo", history?.redo ?? null)}
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
