import { isStorageFull, toErrorInfo } from "../../db/autosave.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";

/**
 * The error an import dialog shows. An import the browser refused for lack of space (a
 * QuotaExceededError, a full disk, the space guard) is all or nothing, so it says that nothing was
 * imported, that the documents are as they were, and how to make room (issue 14 item 8), instead
 * of the autosave's "storage full" line or the browser's own words.
 */
export function importErrorInfo(error: unknown): ErrorInfo {
  const info = toErrorInfo(error);
  if (info.code === "storage.quota" || isStorageFull(error)) {
    return { code: "import.storageFull", params: {} };
  }
  return info;
}
