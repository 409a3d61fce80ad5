/**
 * Segments a translation and aligns it to the document's source rows off the main thread: the page
 * stays responsive on a long text, reports progress, and is cancelled by terminating the worker.
 */
import { alignTranslation, realignTranslation } from "../../core/align/align-translation.ts";
import { isAppError } from "../../core/model/app-error.ts";
import type { AlignWorkerReply, AlignWorkerRequest } from "./align-protocol.ts";

interface WorkerScope {
  postMessage(message: AlignWorkerReply): void;
  onmessage: ((event: MessageEvent<AlignWorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    const onProgress = (fraction: number) => scope.postMessage({ type: "progress", fraction });
    const message = event.data;
    const result =
      message.kind === "align"
        ? alignTranslation(message.request, { onProgress })
        : realignTranslation(message.job, { onProgress });
    scope.postMessage({ type: "done", result });
  } catch (error) {
    scope.postMessage({
      type: "error",
      error: isAppError(error)
        ? error.toInfo()
        : { code: "align.failed", params: { detail: String(error) } },
    });
  }
};
