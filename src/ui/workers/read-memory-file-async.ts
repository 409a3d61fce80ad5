import { readMemoryFile, type MemoryReadResult } from "../../core/format/read-memory-file.ts";
import { AppError } from "../../core/model/app-error.ts";
import type { WorkerReply, WorkerRequest } from "./import-protocol.ts";

export interface ReadTask {
  promise: Promise<MemoryReadResult>;
  cancel: () => void;
}

/**
 * Reads a memory file in a Web Worker with progress; `cancel()` stops it at once (the promise then
 * rejects with AppError "import.cancelled"). Where there are no workers (tests in jsdom) it reads on
 * the main thread.
 */
export function readMemoryFileAsync(file: File, onProgress: (fraction: number) => void): ReadTask {
  let cancel: () => void = () => undefined;
  const promise = new Promise<MemoryReadResult>((resolve, reject) => {
    let cancelled = false;
    cancel = () => {
      cancelled = true;
      reject(new AppError("import.cancelled", { file: file.name }));
    };
    if (typeof Worker === "undefined") {
      void file.arrayBuffer().then((buffer) => {
        if (cancelled) return;
        try {
          resolve(readMemoryFile(new Uint8Array(buffer), file.name, { onProgress }));
        } catch (error) {
          reject(error);
        }
      }, reject);
      return;
    }
    const worker = new Worker(new URL("./import-worker.ts", import.meta.url), { type: "module" });
    cancel = () => {
      worker.terminate();
      reject(new AppError("import.cancelled", { file: file.name }));
    };
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === "progress") onProgress(reply.fraction);
      else {
        worker.terminate();
        if (reply.type === "done") resolve(reply.result);
        else reject(new AppError(reply.error.code, reply.error.params));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new AppError("import.failed", { file: file.name, detail: event.message }));
    };
    // The File itself, not its bytes: the worker reads it block by block.
    const request: WorkerRequest = { file };
    worker.postMessage(request);
  });
  return { promise, cancel: () => cancel() };
}
