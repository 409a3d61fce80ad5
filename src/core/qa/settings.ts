import type { CheckId, QaFinding, Severity } from "./types.ts";
import { CHECK_IDS } from "./types.ts";

/**
 * A project's QA settings: checks turned off, and severities changed per check or per finding
 * code ("off" silences a code). Unknown entries are dropped when read (`restoreQaSettings`).
 */
export interface QaSettings {
  disabled: CheckId[];
  severity: Record<string, Severity | "off">;
}

export const DEFAULT_QA_SETTINGS: QaSettings = { disabled: [], severity: {} };

const SEVERITIES = new Set(["error", "warning", "info", "off"]);

/** Settings from stored or imported JSON: keeps what is valid, drops the rest. */
export function restoreQaSettings(value: unknown): QaSettings {
  if (typeof value !== "object" || value === null) return DEFAULT_QA_SETTINGS;
  const v = value as { disabled?: unknown; severity?: unknown };
  const disabled = Array.isArray(v.disabled)
    ? v.disabled.filter(
        (c): c is CheckId => typeof c === "string" && (CHECK_IDS as readonly string[]).includes(c),
      )
    : [];
  const severity: QaSettings["severity"] = {};
  if (typeof v.severity === "object" && v.severity !== null) {
    for (const [k, s] of Object.entries(v.severity as Record<string, unknown>))
      if (typeof s === "string" && SEVERITIES.has(s)) severity[k] = s as Severity | "off";
  }
  return { disabled: [...new Set(disabled)], severity };
}

/** Applies the settings: drops findings of disabled checks or silenced codes, sets severities
 * (a code's setting wins over its check's). */
export function applySettings<T extends { finding: QaFinding }>(
  items: readonly T[],
  settings: QaSettings,
): T[] {
  const off = new Set(settings.disabled);
  const out: T[] = [];
  for (const item of items) {
    const f = item.finding;
    if (off.has(f.check)) continue;
    const s = settings.severity[f.code] ?? settings.severity[f.check];
    if (s === "off") continue;
    out.push(
      s === undefined || s === f.severity ? item : { ...item, finding: { ...f, severity: s } },
    );
  }
  return out;
}
