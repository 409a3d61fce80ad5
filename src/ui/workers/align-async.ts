import {
  alignTranslation,
  type AlignTranslationRequest,
  type AlignTranslationResult,
} from "../../core/align/align-translation.ts";
import { AppError } from "../../core/model/app-error.ts";
import type { AlignWorkerReply, AlignWorkerRequest } from "./align-protocol.ts";

export interface AlignTask {
  promise: Promise<AlignTranslationResult>;
  cancel: () => void;
}

/** Starts an alignment; the dialog takes one of these (tests pass a stand-in). */
export type AlignRunner = (
  request: AlignTranslationRequest,
  onProgress: (fraction: number) => void,
) => AlignTask;

/**
 * Segments and aligns a translation in a Web Worker with progress; `cancel()` stops it at once (the
 * promise then rejects with AppError "align.aborted"). Where there are no workers (tests in jsdom)
 * it runs on the main thread after one macrotask, checking the cancel flag as it goes.
 */
export const alignAsync: AlignRunner = (request, onProgress) => {
  let cancel: () => void = () => undefined;
  const promise = new Promise<AlignTranslationResult>((resolve, reject) => {
    const aborted = () => reject(new AppError("align.aborted"));
    if (typeof Worker === "undefined") {
      const signal = { aborted: false };
      cancel = () => {
        signal.aborted = true;
        aborted();
      };
      setTimeout(() => {
        if (signal.aborted) return;
        try {
          resolve(alignTranslation(request, { onProgress, signal }));
        } catch (error) {
          reject(error);
        }
      }, 0);
      return;
    }
    const worker = new Worker(new URL("./align-worker.ts", import.meta.url), { type: "module" });
    cancel = () => {
      worker.terminate();
      aborted();
    };
    worker.onmessage = (event: MessageEvent<AlignWorkerReply>) => {
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
      reject(new AppError("align.failed", { detail: event.message }));
    };
    const message: AlignWorkerRequest = request;
    worker.postMessage(message);
  });
  return { promise, cancel: () => cancel() };
};
