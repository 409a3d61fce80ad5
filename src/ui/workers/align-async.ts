import type {
  AlignTranslationRequest,
  AlignTranslationResult,
  RealignJob,
} from "../../core/align/align-translation.ts";
import type { AlignmentPlan } from "../../core/align/types.ts";
import { AppError } from "../../core/model/app-error.ts";
import { runAlignRequest, type AlignWorkerRequest } from "./align-protocol.ts";
import { runWorkerJob, type WorkerTask } from "./worker-job.ts";

export type AlignTask = WorkerTask<AlignTranslationResult>;

/** Starts an alignment; the dialog takes one of these (tests pass a stand-in). */
export type AlignRunner = (
  request: AlignTranslationRequest,
  onProgress: (fraction: number) => void,
) => AlignTask;

/**
 * Runs one job of the align worker (see worker-job.ts); cancelling rejects with AppError
 * "align.aborted".
 */
function runAlignJob<T>(
  message: AlignWorkerRequest,
  onProgress: (fraction: number) => void,
): WorkerTask<T> {
  return runWorkerJob({
    spawn: () => new Worker(new URL("./align-worker.ts", import.meta.url), { type: "module" }),
    message,
    runHere: (hooks) => runAlignRequest(message, hooks) as T,
    onProgress,
    cancelled: () => new AppError("align.aborted"),
    failed: (detail) => new AppError("align.failed", { detail }),
  });
}

/** Segments and aligns a translation in the align worker. */
export const alignAsync: AlignRunner = (request, onProgress) =>
  runAlignJob({ kind: "align", request }, onProgress);

/** Re-aligns a column between its confirmed links in the align worker. */
export function realignAsync(
  job: RealignJob,
  onProgress: (fraction: number) => void,
): WorkerTask<AlignmentPlan> {
  return runAlignJob({ kind: "realign", job }, onProgress);
}
