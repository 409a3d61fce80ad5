import { useTranslation } from "react-i18next";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { useAutosave, useSaveState } from "./autosave-context.ts";
import { ErrorText } from "../shared/error-text.tsx";

/**
 * Storage problems (quota, blocked database, failed saves) as a banner the user cannot miss.
 *
 * A full storage (at start or on a save) says so: everything stored can still be opened, read and
 * exported; the unsaved changes are kept and saved once there is space; how to free space; and a
 * "Try again" button (the autosave also retries by itself).
 */
export function StorageBanner({ startError }: { startError: ErrorInfo | null }) {
  const { t } = useTranslation();
  const autosave = useAutosave();
  const state = useSaveState();
  const saveError = state.kind === "error" ? state.error : null;
  if (
    !startError &&
    (saveError?.code === "storage.quota" || (!saveError && autosave.storageFull()))
  ) {
    const unsaved = autosave.unsavedCount();
    return (
      <div className="banner banner-error" role="alert" data-testid="storage-full">
        <strong>{t("storage.fullTitle")}</strong> {t("storage.fullSafe")}{" "}
        <span data-testid="storage-full-unsaved" data-count={unsaved}>
          {unsaved > 0 ? t("storage.fullUnsaved", { count: unsaved }) : t("storage.fullNothing")}
        </span>{" "}
        {t("storage.fullHowTo")}{" "}
        {unsaved > 0 && (
          <button
            type="button"
            data-testid="storage-retry"
            onClick={() => void autosave.retryNow()}
          >
            {t("storage.retry")}
          </button>
        )}
      </div>
    );
  }
  if (startError?.code === "storage.quota") {
    // Opening itself was refused for lack of space (an upgrade of the stored data needs some).
    return (
      <div className="banner banner-error" role="alert" data-testid="storage-open-full">
        <strong>{t("storage.startFailed")}</strong> {t("storage.openFull")}
      </div>
    );
  }
  const error = startError ?? saveError;
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>{startError ? t("storage.startFailed") : t("storage.saveFailed")}</strong>{" "}
      <ErrorText error={error} />
    </div>
  );
}
