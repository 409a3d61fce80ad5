import {
  alignTranslation,
  realignTranslation,
  type AlignHooks,
  type AlignTranslationRequest,
  type AlignTranslationResult,
  type RealignJob,
} from "../../core/align/align-translation.ts";
import type { AlignmentPlan } from "../../core/align/types.ts";
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
 * Runs one job of the align worker with progress; `cancel()` stops it at once (the promise then
 * rejects with AppError "align.aborted"). Where there are no workers (tests in jsdom) it runs on the
 * main thread after one macrotask, checking the cancel flag as it goes.
 */
function runAlignJob<T>(
  message: AlignWorkerRequest,
  onMainThread: (hooks: AlignHooks & { signal: { aborted: boolean } }) => T,
  onProgress: (fraction: number) => void,
): { promise: Promise<T>; cancel: () => void } {
  let cancel: () => void = () => undefined;
  const promise = new Promise<T>((resolve, reject) => {
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
          resolve(onMainThread({ onProgress, signal }));
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
        if (reply.type === "done") resolve(reply.result as T);
        else reject(new AppError(reply.error.code, reply.error.params));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new AppError("align.failed", { detail: event.message }));
    };
    worker.postMessage(message);
  });
  return { promise, cancel: () => cancel() };
}

/** Segments and aligns a translation in the align worker (see runAlignJob). */
export const alignAsync: AlignRunner = (request, onProgress) =>
  runAlignJob({ kind: "align", request }, (hooks) => alignTranslation(request, hooks), onProgress);

/** Re-aligns a column between its confirmed links in the align worker (see runAlignJob). */
export function realignAsync(
  job: RealignJob,
  onProgress: (fraction: number) => void,
): { promise: Promise<AlignmentPlan>; cancel: () => void } {
  return runAlignJob(
    { kind: "realign", job },
    (hooks) => realignTranslation(job, hooks),
    onProgress,
  );
}
