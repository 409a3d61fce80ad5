import type { SelarasDb } from "../../db/database.ts";
import { AppError } from "../../core/model/app-error.ts";
import { planPretranslate, type PretranslatePlan } from "../../db/operations/pretranslate.ts";
import { runWorkerJob, type WorkerTask } from "../workers/worker-job.ts";

/** What the pre-translation worker is asked. */
export interface PretranslateRequest {
  dbName: string;
  docId: string;
  threshold: number;
}

/**
 * Plans a pre-translation from the project memory in a Web Worker (pretranslate-worker.ts), so a
 * large memory does not freeze the page; where there are no workers (jsdom) on this thread.
 * `cancel()` stops a plan no longer wanted (another threshold typed, the dialog closed).
 */
export function planPretranslateAsync(
  db: SelarasDb,
  docId: string,
  threshold: number,
): WorkerTask<PretranslatePlan> {
  const message: PretranslateRequest = { dbName: db.name, docId, threshold };
  return runWorkerJob({
    spawn: () =>
      new Worker(new URL("./pretranslate-worker.ts", import.meta.url), { type: "module" }),
    message,
    runHere: () => planPretranslate(db, docId, threshold),
    onProgress: () => undefined,
    // Only ever seen by a caller that no longer waits for it (a newer plan, a closed dialog).
    cancelled: () => new AppError("tm.failed", { detail: "cancelled" }),
    failed: (detail) => new AppError("tm.failed", { detail }),
  });
}
