import { useTranslation } from "react-i18next";
import type { SyncStatus } from "../../db/sync/engine.ts";
import { useErrorMessage } from "../shared/error-text.tsx";
import { WarningIcon } from "../shared/icons.tsx";

/** The pill's sentence: an error, offline with what waits, connecting, to send, or synced. */
export function useSyncText(): (status: SyncStatus) => string {
  const { t, i18n } = useTranslation("team");
  const message = useErrorMessage();
  const time = new Intl.DateTimeFormat(i18n.resolvedLanguage, { timeStyle: "short" });
  return (status) => {
    // A network error means offline (the engine sets both): say offline with what waits.
    if (status.error && status.connection !== "offline")
      return t("pill.error", { message: message(status.error) });
    if (status.connection === "offline")
      return status.pending > 0
        ? t("pill.offline", { count: status.pending })
        : t("pill.offlineNone");
    if (status.connection === "connecting") return t("pill.connecting");
    if (status.pending > 0) return t("pill.pending", { count: status.pending });
    return status.lastSyncedAt
      ? t("pill.syncedAt", { when: time.format(new Date(status.lastSyncedAt)) })
      : t("pill.synced");
  };
}

/**
 * Header pill: synced (and when), connecting, changes to send (plural forms), offline with waiting
 * changes, or the localized error; how many changes the server refused. A click opens the sync
 * dialog (status and refused changes).
 */
export function SyncPill({
  status,
  refused = 0,
  onOpen,
}: {
  status: SyncStatus;
  refused?: number;
  onOpen?: () => void;
}) {
  const { t } = useTranslation("team");
  const text = useSyncText()(status);
  const state =
    status.error && status.connection !== "offline"
      ? "error"
      : status.connection === "online" && status.pending > 0
        ? "pending"
        : status.connection;
  return (
    <button
      type="button"
      className={`sync-pill sync-${state}`}
      data-testid="sync-pill"
      data-state={state}
      aria-haspopup="dialog"
      title={t("pill.open")}
      onClick={onOpen}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span className="visually-hidden">{t("pill.label")}: </span>
      <span role="status">{text}</span>
      {refused > 0 && (
        <span className="sync-refused" data-testid="sync-refused-count">
          <WarningIcon /> {t("pill.refused", { count: refused })}
        </span>
      )}
    </button>
  );
}
