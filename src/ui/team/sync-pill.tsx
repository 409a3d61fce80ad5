import { useTranslation } from "react-i18next";
import type { SyncStatus } from "../../db/sync/engine.ts";

/** Header pill: synced, syncing, offline with waiting changes (plural forms), or an error code. */
export function SyncPill({ status }: { status: SyncStatus }) {
  const { t } = useTranslation("team");
  let text: string;
  // A network error means offline (the engine sets both): say offline with what waits.
  if (status.error && status.connection !== "offline")
    text = t("pill.error", { code: status.error.code });
  else if (status.connection === "offline")
    text =
      status.pending > 0 ? t("pill.offline", { count: status.pending }) : t("pill.offlineNone");
  else if (status.connection === "connecting" || status.pending > 0) text = t("pill.syncing");
  else text = t("pill.synced");
  return (
    <span role="status" aria-label={t("pill.label")} data-testid="sync-pill" className="sync-pill">
      {text}
    </span>
  );
}
