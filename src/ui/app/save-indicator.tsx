import { useTranslation } from "react-i18next";
import { useSaveState } from "./autosave-context.ts";

export function SaveIndicator() {
  const { t } = useTranslation();
  const state = useSaveState();
  const label =
    state.kind === "saved"
      ? t("save.saved")
      : state.kind === "saving"
        ? t("save.saving", { count: state.pending })
        : t("save.error");
  return (
    <span
      className={`save-indicator save-${state.kind}`}
      data-testid="save-state"
      data-state={state.kind}
      role="status"
      aria-live="polite"
    >
      <span aria-hidden="true">
        {state.kind === "saved" ? "✓" : state.kind === "saving" ? "…" : "⚠"}
      </span>{" "}
      {label}
    </span>
  );
}
