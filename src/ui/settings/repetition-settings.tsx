import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { useRepetitionSettings } from "../../db/hooks.ts";
import { saveRepetitionSettings } from "../../db/operations/repetitions.ts";
import { useErrorAction } from "../shared/use-error-action.ts";
import { FormError } from "../shared/error-text.tsx";

/** Project setting: a confirm fills the segment's Empty and Draft repetitions (on by default). */
export function RepetitionSettings() {
  const { t } = useTranslation(["settings", "common"]);
  const db = useDb();
  const settings = useRepetitionSettings();
  const { error, run } = useErrorAction();
  const [saved, setSaved] = useState(false);
  // What was clicked, shown at once (the stored value follows through the live query).
  const [chosen, setChosen] = useState<boolean | null>(null);
  if (!settings) return <p className="loading">{t("common:loading")}</p>;
  return (
    <section className="settings-section" aria-labelledby="rep-heading">
      <h2 id="rep-heading">{t("settings:repetitions.heading")}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="repetitions-propagate"
          checked={chosen ?? settings.propagate}
          aria-describedby="rep-hint"
          onChange={(e) => {
            const propagate = e.target.checked;
            setSaved(false);
            setChosen(propagate);
            void run(async () => {
              await saveRepetitionSettings(db, { propagate });
              setSaved(true);
            });
          }}
        />{" "}
        {t("settings:repetitions.propagate")}
      </label>
      <p className="hint" id="rep-hint">
        {t("settings:repetitions.hint")}
      </p>
      {saved && (
        <p className="form-success" role="status">
          {t("settings:repetitions.saved")}
        </p>
      )}
      <FormError error={error} />
    </section>
  );
}
