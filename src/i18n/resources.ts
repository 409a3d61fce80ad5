import enCommon from "./locales/en/common.json";
import enGrid from "./locales/en/grid.json";
import enIo from "./locales/en/io.json";
import enErrors from "./locales/en/errors.json";
import enSettings from "./locales/en/settings.json";
import enAlign from "./locales/en/align.json";
import enAlignErrors from "./locales/en/align-errors.json";
import enTeam from "./locales/en/team.json";
import viCommon from "./locales/vi/common.json";
import viGrid from "./locales/vi/grid.json";
import viIo from "./locales/vi/io.json";
import viErrors from "./locales/vi/errors.json";
import viSettings from "./locales/vi/settings.json";
import viAlign from "./locales/vi/align.json";
import viAlignErrors from "./locales/vi/align-errors.json";
import viTeam from "./locales/vi/team.json";
import idCommon from "./locales/id/common.json";
import idGrid from "./locales/id/grid.json";
import idIo from "./locales/id/io.json";
import idErrors from "./locales/id/errors.json";
import idSettings from "./locales/id/settings.json";
import idAlign from "./locales/id/align.json";
import idAlignErrors from "./locales/id/align-errors.json";
import idTeam from "./locales/id/team.json";

export const UI_LANGUAGES = ["en", "vi", "id"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const NAMESPACES = ["common", "grid", "io", "errors", "settings", "align", "team"] as const;

/** Error messages of the align dialog live in align-errors.json, merged into the errors namespace. */
export const resources = {
  en: {
    common: enCommon,
    grid: enGrid,
    io: enIo,
    errors: { ...enErrors, ...enAlignErrors },
    settings: enSettings,
    align: enAlign,
    team: enTeam,
  },
  vi: {
    common: viCommon,
    grid: viGrid,
    io: viIo,
    errors: { ...viErrors, ...viAlignErrors },
    settings: viSettings,
    align: viAlign,
    team: viTeam,
  },
  id: {
    common: idCommon,
    grid: idGrid,
    io: idIo,
    errors: { ...idErrors, ...idAlignErrors },
    settings: idSettings,
    align: idAlign,
    team: idTeam,
  },
} as const;
