import { useTranslation } from "react-i18next";
import { UI_LANGUAGES, type UiLanguage } from "../../i18n/resources.ts";
import { SaveIndicator } from "./save-indicator.tsx";
import { ProfileButton } from "./profile-button.tsx";
import { TeamHeaderTools } from "../team/account-menu.tsx";

const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: "English",
  vi: "Tiếng Việt",
  id: "Bahasa Indonesia",
};

export function AppHeader() {
  const { t, i18n } = useTranslation();
  const current = (i18n.resolvedLanguage ?? "en") as UiLanguage;
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <span className="brand-mark" aria-hidden="true">
          ≡
        </span>
        Selaras
      </a>
      <span className="tagline">{t("tagline")}</span>
      <div className="header-tools">
        <SaveIndicator />
        <TeamHeaderTools />
        <a className="header-link" href="#/settings" data-testid="settings-link">
          {t("settingsLink")}
        </a>
        <ProfileButton />
        <label className="language-picker">
          <span>{t("uiLanguage")}</span>
          <select
            data-testid="ui-language"
            value={current}
            onChange={(e) => void i18n.changeLanguage(e.target.value)}
          >
            {UI_LANGUAGES.map((lng) => (
              <option key={lng} value={lng} lang={lng}>
                {LANGUAGE_NAMES[lng]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
