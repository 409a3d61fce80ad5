import { useTranslation } from "react-i18next";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { useSaveState } from "./autosave-context.ts";
import { ErrorText } from "../shared/error-text.tsx";

/** Storage problems (quota, blocked database, failed saves) as a banner the user cannot miss. */
export function StorageBanner({ startError }: { startError: ErrorInfo | null }) {
  const { t } = useTranslation();
  const state = useSaveState();
  const error = startError ?? (state.kind === "error" ? state.error : null);
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>{startError ? t("storage.startFailed") : t("storage.saveFailed")}</strong>{" "}
      <ErrorText error={error} />
    </div>
  );
}
