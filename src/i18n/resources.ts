import enCommon from "./locales/en/common.json";
import enGrid from "./locales/en/grid.json";
import enIo from "./locales/en/io.json";
import enErrors from "./locales/en/errors.json";
import enSettings from "./locales/en/settings.json";
import enAlign from "./locales/en/align.json";
import enAlignErrors from "./locales/en/align-errors.json";
import enTeam from "./locales/en/team.json";
import enHandoff from "./locales/en/handoff.json";
import enPwa from "./locales/en/pwa.json";
import enPlans from "./locales/en/plans.json";
import enA11y from "./locales/en/a11y.json";
import enQa from "./locales/en/qa.json";
import enTm from "./locales/en/tm.json";
import enTmErrors from "./locales/en/tm-errors.json";
import viCommon from "./locales/vi/common.json";
import viGrid from "./locales/vi/grid.json";
import viIo from "./locales/vi/io.json";
import viErrors from "./locales/vi/errors.json";
import viSettings from "./locales/vi/settings.json";
import viAlign from "./locales/vi/align.json";
import viAlignErrors from "./locales/vi/align-errors.json";
import viTeam from "./locales/vi/team.json";
import viHandoff from "./locales/vi/handoff.json";
import viPwa from "./locales/vi/pwa.json";
import viPlans from "./locales/vi/plans.json";
import viA11y from "./locales/vi/a11y.json";
import viQa from "./locales/vi/qa.json";
import viTm from "./locales/vi/tm.json";
import viTmErrors from "./locales/vi/tm-errors.json";
import idCommon from "./locales/id/common.json";
import idGrid from "./locales/id/grid.json";
import idIo from "./locales/id/io.json";
import idErrors from "./locales/id/errors.json";
import idSettings from "./locales/id/settings.json";
import idAlign from "./locales/id/align.json";
import idAlignErrors from "./locales/id/align-errors.json";
import idTeam from "./locales/id/team.json";
import idHandoff from "./locales/id/handoff.json";
import idPwa from "./locales/id/pwa.json";
import idPlans from "./locales/id/plans.json";
import idA11y from "./locales/id/a11y.json";
import idQa from "./locales/id/qa.json";
import idTm from "./locales/id/tm.json";
import idTmErrors from "./locales/id/tm-errors.json";

export const UI_LANGUAGES = ["en", "vi", "id"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const NAMESPACES = [
  "common",
  "grid",
  "io",
  "errors",
  "settings",
  "align",
  "team",
  "handoff",
  "pwa",
  "plans",
  "a11y",
  "qa",
  "tm",
] as const;

/** Error messages of the align dialog live in align-errors.json, merged into the errors namespace. */
export const resources = {
  en: {
    common: enCommon,
    grid: enGrid,
    io: enIo,
    errors: { ...enErrors, ...enAlignErrors, ...enTmErrors },
    settings: enSettings,
    align: enAlign,
    team: enTeam,
    handoff: enHandoff,
    pwa: enPwa,
    plans: enPlans,
    a11y: enA11y,
    qa: enQa,
    tm: enTm,
  },
  vi: {
    common: viCommon,
    grid: viGrid,
    io: viIo,
    errors: { ...viErrors, ...viAlignErrors, ...viTmErrors },
    settings: viSettings,
    align: viAlign,
    team: viTeam,
    handoff: viHandoff,
    pwa: viPwa,
    plans: viPlans,
    a11y: viA11y,
    qa: viQa,
    tm: viTm,
  },
  id: {
    common: idCommon,
    grid: idGrid,
    io: idIo,
    errors: { ...idErrors, ...idAlignErrors, ...idTmErrors },
    settings: idSettings,
    align: idAlign,
    team: idTeam,
    handoff: idHandoff,
    pwa: idPwa,
    plans: idPlans,
    a11y: idA11y,
    qa: idQa,
    tm: idTm,
  },
} as const;
