import { useTranslation } from "react-i18next";
import { useCorpusUpdates } from "../../db/hooks.ts";
import { useDb } from "../../db/db-context.ts";
import { resolveCorpusUpdate } from "../../db/corpus-sync.ts";

/** Corpus files that changed since import: offered, never applied silently. */
export function CorpusUpdates() {
  const { t } = useTranslation();
  const db = useDb();
  const updates = useCorpusUpdates();
  if (!updates || updates.length === 0) return null;
  return (
    <div className="banner banner-info" role="region" aria-label={t("corpus.updatesTitle")}>
      <strong>{t("corpus.updatesTitle")}</strong>
      <ul>
        {updates.map((u) => (
          <li key={u.path} data-testid="corpus-update">
            <span>{t("corpus.changed", { path: u.path })}</span>{" "}
            <button type="button" onClick={() => void resolveCorpusUpdate(db, u.path, "accept")}>
              {t("corpus.importAsNew")}
            </button>{" "}
            <button type="button" onClick={() => void resolveCorpusUpdate(db, u.path, "dismiss")}>
              {t("corpus.dismiss")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
