import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  askPersistence,
  browserPersistence,
  persistenceState,
  type PersistenceApi,
  type PersistenceState,
} from "../app/persistence.ts";

/**
 * Whether the browser keeps Selaras's data on this device (persistent storage), and a button to
 * ask it to; a refusal says what makes browsers agree, and that exports are the backup.
 */
export function StorageSettings({ api = browserPersistence() }: { api?: PersistenceApi | null }) {
  const { t } = useTranslation("settings");
  const [state, setState] = useState<PersistenceState | null>(null);
  const [asked, setAsked] = useState<"asking" | "done" | null>(null);
  useEffect(() => {
    let live = true;
    void persistenceState(api).then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [api]);
  const text =
    state === null || asked === "asking"
      ? t("storage.checking")
      : state === "persisted"
        ? t("storage.persisted")
        : state === "unsupported"
          ? t("storage.unsupported")
          : asked === "done"
            ? t("storage.refused")
            : t("storage.bestEffort");
  return (
    <section className="settings-section" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t("storage.heading")}</h2>
      <p data-testid="storage-persistence" data-state={state ?? "checking"} role="status">
        {text}
      </p>
      {state === "best-effort" && (
        <button
          type="button"
          data-testid="storage-persist"
          disabled={asked === "asking"}
          onClick={() => {
            setAsked("asking");
            void askPersistence(api).then((s) => {
              setState(s);
              setAsked("done");
            });
          }}
        >
          {t("storage.ask")}
        </button>
      )}
    </section>
  );
}
