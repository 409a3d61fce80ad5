/**
 * The only i18next init. Resources are bundled (three small locales); the language comes from
 * localStorage ("selaras.lang", remembered when the user switches) or the browser, else English.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { resources, UI_LANGUAGES, NAMESPACES } from "./resources.ts";

export const LANGUAGE_STORAGE_KEY = "selaras.lang";

export const i18n = i18next.createInstance();

await i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    ns: [...NAMESPACES],
    defaultNS: "common",
    fallbackLng: "en",
    supportedLngs: [...UI_LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: "languageOnly",
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ["localStorage", "navigator"],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ["localStorage"],
    },
  });

i18n.on("languageChanged", (lng) => {
  if (typeof document !== "undefined") document.documentElement.lang = lng;
});
if (typeof document !== "undefined") document.documentElement.lang = i18n.resolvedLanguage ?? "en";
