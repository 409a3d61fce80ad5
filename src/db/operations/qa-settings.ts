import type { SelarasDb } from "../database.ts";
import { restoreQaSettings, type QaSettings } from "../../core/qa/settings.ts";

/** The project's QA settings (meta `qa-settings`): the checks' settings and the confirm prompt. */
export interface ProjectQaSettings extends QaSettings {
  /** Confirming a segment whose target has a QA error asks first (confirm anyway / fix). */
  askOnConfirm: boolean;
}

export const DEFAULT_PROJECT_QA_SETTINGS: ProjectQaSettings = {
  disabled: [],
  severity: {},
  askOnConfirm: true,
};

const KEY = "qa-settings";

/** Read leniently: unknown checks, codes and severities are dropped, missing fields defaulted. */
export function restoreProjectQaSettings(value: unknown): ProjectQaSettings {
  const ask = (value as { askOnConfirm?: unknown } | null | undefined)?.askOnConfirm;
  return {
    ...restoreQaSettings(value),
    askOnConfirm: typeof ask === "boolean" ? ask : DEFAULT_PROJECT_QA_SETTINGS.askOnConfirm,
  };
}

export async function getQaSettings(db: SelarasDb): Promise<ProjectQaSettings> {
  return restoreProjectQaSettings((await db.meta.get(KEY))?.value);
}

export async function saveQaSettings(db: SelarasDb, settings: ProjectQaSettings): Promise<void> {
  await db.meta.put({ key: KEY, value: restoreProjectQaSettings(settings) });
}
