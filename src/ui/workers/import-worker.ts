/**
 * Reads a translation-memory file off the main thread: the page stays responsive on a 100 MB TMX,
 * reports progress, and is cancelled by terminating the worker.
 */
import { readMemoryFile } from "../../core/format/read-memory-file.ts";
import { isAppError } from "../../core/model/app-error.ts";
import { fileByteSource } from "./file-byte-source.ts";
import type { WorkerReply, WorkerRequest } from "./import-protocol.ts";

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { file } = event.data;
  const fileName = file.name;
  let last = 0;
  try {
    const result = readMemoryFile(fileByteSource(file), fileName, {
      onProgress: (fraction) => {
        if (fraction - last >= 0.01 || fraction === 1) {
          last = fraction;
          scope.postMessage({ type: "progress", fraction });
        }
      },
    });
    scope.postMessage({ type: "done", result });
  } catch (error) {
    scope.postMessage({
      type: "error",
      error: isAppError(error)
        ? error.toInfo()
        : { code: "import.failed", params: { file: fileName, detail: String(error) } },
    });
  }
};
