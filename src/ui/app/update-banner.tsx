/// <reference types="vite-plugin-pwa/client" />
import { useEffect, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useAutosave, useSaveState } from "./autosave-context.ts";
import { appUpdateState, startAppUpdates, subscribeAppUpdate } from "./app-update.ts";

/**
 * Offers a new version of the app, never forces it: "Update" first stores every pending edit
 * (autosave flush) and reloads only when nothing is left to save; otherwise it says so and waits.
 * "Later" hides the offer until the next start. (Team changes wait in the outbox in IndexedDB and
 * survive the reload.)
 */
export function UpdateBanner() {
  const { t } = useTranslation("pwa");
  const autosave = useAutosave();
  const save = useSaveState();
  const update = useSyncExternalStore(subscribeAppUpdate, appUpdateState);
  const [dismissed, setDismissed] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => startAppUpdates(), []);

  if (!update.ready || dismissed) return null;

  const onUpdate = async () => {
    setBusy(true);
    try {
      await autosave.flush();
    } catch {
      // A failed save is shown by the storage banner; the update waits.
    }
    const now = autosave.getState();
    if (now.kind !== "saved") {
      setWaiting(true);
      setBusy(false);
      return;
    }
    await update.apply();
    setBusy(false);
  };

  return (
    <section
      className="banner banner-info banner-update"
      aria-label={t("update.region")}
      data-testid="update-banner"
      style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "0.75rem" }}
    >
      <span role="status">{t("update.available")}</span>
      {waiting && save.kind !== "saved" && (
        <span data-testid="update-waiting"> {t("update.waiting")}</span>
      )}
      <span className="banner-actions" style={{ display: "flex", gap: "0.5rem" }}>
        <button
          type="button"
          className="primary"
          data-testid="update-apply"
          disabled={busy}
          onClick={() => void onUpdate()}
        >
          {t("update.action")}
        </button>
        <button type="button" data-testid="update-later" onClick={() => setDismissed(true)}>
          {t("update.later")}
        </button>
      </span>
    </section>
  );
}
