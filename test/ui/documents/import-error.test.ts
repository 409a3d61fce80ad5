import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/core/model/app-error.ts";
import { spaceError } from "../../../src/db/space-guard.ts";
import { importErrorInfo } from "../../../src/ui/documents/import-error.ts";

describe("importErrorInfo", () => {
  it("every way the browser says it has no room becomes import.storageFull", () => {
    const quota = new DOMException("The quota has been exceeded.", "QuotaExceededError");
    const noSpace = new DOMException(
      "IO error: .../000003.log: FILE_ERROR_NO_SPACE",
      "UnknownError",
    );
    for (const error of [
      quota,
      // Dexie's transaction error, the browser's inside.
      new Dexie.AbortError("Transaction aborted", quota),
      noSpace,
      new Dexie.AbortError("Transaction aborted", noSpace),
      // The space guard (src/db/space-guard.ts) before the disk is really full.
      spaceError(),
    ]) {
      expect(importErrorInfo(error)).toEqual({ code: "import.storageFull", params: {} });
    }
  });

  it("other errors keep their code", () => {
    expect(importErrorInfo(new AppError("txt.binary", { file: "a.txt" }))).toEqual({
      code: "txt.binary",
      params: { file: "a.txt" },
    });
    expect(importErrorInfo(new Error("boom"))).toEqual({
      code: "storage.failed",
      params: { detail: "boom" },
    });
  });
});
