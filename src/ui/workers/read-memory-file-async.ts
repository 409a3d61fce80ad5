import { readMemoryFile, type MemoryReadResult } from "../../core/format/read-memory-file.ts";
import { AppError } from "../../core/model/app-error.ts";
import type { ImportRequest } from "./import-protocol.ts";
import { runWorkerJob, type WorkerTask } from "./worker-job.ts";

export type ReadTask = WorkerTask<MemoryReadResult>;

/**
 * Reads a memory file in a Web Worker with progress; `cancel()` stops it at once (the promise then
 * rejects with AppError "import.cancelled"). Where there are no workers (tests in jsdom) it reads on
 * the main thread.
 */
export function readMemoryFileAsync(file: File, onProgress: (fraction: number) => void): ReadTask {
  const message: ImportRequest = { file };
  return runWorkerJob({
    spawn: () => new Worker(new URL("./import-worker.ts", import.meta.url), { type: "module" }),
    // The File itself, not its bytes: the worker reads it block by block.
    message,
    runHere: async (hooks) =>
      readMemoryFile(new Uint8Array(await file.arrayBuffer()), file.name, hooks),
    onProgress,
    cancelled: () => new AppError("import.cancelled", { file: file.name }),
    failed: (detail) => new AppError("import.failed", { file: file.name, detail }),
  });
}
