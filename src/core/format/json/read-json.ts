import { AppError } from "../../model/app-error.ts";
import type { Bundle } from "../../model/bundle.ts";
import { restoreExport } from "./restore.ts";
import { validateExport } from "./validate-export.ts";

export { JSON_FORMAT, JSON_FORMAT_VERSION } from "./format-version.ts";

export interface JsonReadOptions {
  /** Put in error params so messages can name the file. */
  fileName?: string;
}

function position(text: string, message: string): { line: number; column: number } | null {
  const match = /position (\d+)/.exec(message);
  if (!match) return null;
  const offset = Math.min(Number(match[1]), text.length);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * Reads our JSON export of any supported formatVersion (older ones are upgraded by restore.ts) and
 * validates it fully. Throws AppError json.empty, json.syntax {line, column}, json.not-an-export,
 * json.wrong-format, json.unsupported-version, json.version-too-new, json.invalid {path, expected},
 * json.duplicate-id {path, id}.
 */
export function readJson(text: string, options: JsonReadOptions = {}): Bundle {
  return readJsonWithMeta(text, options).bundle;
}

/** readJson, and the file's `exportedAt` (its writer's clock) when it has one. */
export function readJsonWithMeta(
  text: string,
  options: JsonReadOptions = {},
): { bundle: Bundle; exportedAt?: string } {
  const fileParams: Record<string, string> = options.fileName ? { file: options.fileName } : {};
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new AppError("json.empty", fileParams);
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const where = position(body, error instanceof Error ? error.message : "");
    throw new AppError("json.syntax", { ...fileParams, ...(where ?? {}) });
  }
  const restored = restoreExport(raw, options.fileName);
  const bundle = validateExport(restored, options.fileName);
  const exportedAt = restored["exportedAt"];
  return typeof exportedAt === "string" && exportedAt !== "" ? { bundle, exportedAt } : { bundle };
}
