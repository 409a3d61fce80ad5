import { useTranslation } from "react-i18next";
import { SegmentationSettings } from "./segmentation-settings.tsx";
import { RepetitionSettings } from "./repetition-settings.tsx";
import { QaSettingsSection } from "../qa/qa-settings.tsx";
import { StorageSettings } from "./storage-settings.tsx";

export function SettingsPage() {
  const { t } = useTranslation(["settings", "grid"]);
  return (
    <section className="settings" data-testid="settings-page">
      <div className="page-head">
        <a href="#/" className="back">
          ← {t("grid:backToList")}
        </a>
        <h1>{t("settings:heading")}</h1>
      </div>
      <SegmentationSettings />
      <RepetitionSettings />
      <QaSettingsSection />
      <StorageSettings />
    </section>
  );
}
