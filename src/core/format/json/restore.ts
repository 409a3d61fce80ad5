import { AppError } from "../../model/app-error.ts";
import { JSON_FORMAT, JSON_FORMAT_VERSION } from "./format-version.ts";

/** A parsed export, before validation. */
export type RawExport = Record<string, unknown>;

/**
 * `UPGRADES[n]` turns a version-n export into version n+1. Each one is pure (returns a new object)
 * and has a before/after fixture test. Version 1 is the first published version, so the table is
 * empty for now; test/unit/format/json/restore.test.ts fails if a version lacks its upgrader.
 */
export const UPGRADES: Readonly<Record<number, (raw: RawExport) => RawExport>> = {};

/** The oldest version restore can read. */
export const OLDEST_FORMAT_VERSION = 1;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The restore layer: checks the envelope, then upgrades older exports step by step to the current
 * version. Throws json.not-an-export, json.wrong-format, json.unsupported-version,
 * json.version-too-new.
 */
export function restoreExport(raw: unknown, file?: string): RawExport {
  const fileParams: Record<string, string> = file ? { file } : {};
  if (!isObject(raw)) throw new AppError("json.not-an-export", fileParams);
  if (raw["format"] !== JSON_FORMAT) {
    throw new AppError("json.wrong-format", { ...fileParams, format: String(raw["format"]) });
  }
  const version = raw["formatVersion"];
  if (
    typeof version !== "number" ||
    !Number.isInteger(version) ||
    version < OLDEST_FORMAT_VERSION
  ) {
    throw new AppError("json.unsupported-version", { ...fileParams, version: String(version) });
  }
  if (version > JSON_FORMAT_VERSION) {
    throw new AppError("json.version-too-new", {
      ...fileParams,
      version,
      supported: JSON_FORMAT_VERSION,
    });
  }
  let current = raw;
  for (let v = version; v < JSON_FORMAT_VERSION; v++) {
    const upgrade = UPGRADES[v];
    if (!upgrade) throw new AppError("json.unsupported-version", { ...fileParams, version: v });
    current = { ...upgrade(current), formatVersion: v + 1 };
  }
  return current;
}
