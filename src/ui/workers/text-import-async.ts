import { AppError } from "../../core/model/app-error.ts";
import type { BuiltDocument } from "../../db/operations/import-documents.ts";
import { runTextImportJob, type TextImportRequest } from "./text-import-protocol.ts";
import { runWorkerJob, type WorkerTask } from "./worker-job.ts";

/**
 * Segments texts into documents in the text-import worker; `cancel()` stops it at once (AppError
 * "import.cancelled"), before anything is written.
 */
export function buildDocumentsAsync(
  request: TextImportRequest,
  onProgress: (fraction: number) => void,
): WorkerTask<BuiltDocument[]> {
  return runWorkerJob<BuiltDocument[]>({
    spawn: () =>
      new Worker(new URL("./text-import-worker.ts", import.meta.url), { type: "module" }),
    message: request,
    runHere: ({ onProgress: progress }) => runTextImportJob(request, progress),
    onProgress,
    cancelled: () => new AppError("import.cancelled"),
    failed: (detail) =>
      new AppError("import.failed", { detail, file: request.items.map((i) => i.title).join(", ") }),
  });
}
