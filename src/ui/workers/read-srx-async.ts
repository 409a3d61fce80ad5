import { AppError } from "../../core/model/app-error.ts";
import type { SrxReadResult } from "../../core/segment/srx.ts";
import { runSrxJob, type SrxJobRequest } from "./srx-protocol.ts";
import { runWorkerJob, type WorkerTask } from "./worker-job.ts";

/** Reads an SRX file in the SRX worker; `cancel()` stops it (AppError "srx.cancelled"). */
export function readSrxAsync(request: SrxJobRequest): WorkerTask<SrxReadResult> {
  return runWorkerJob<SrxReadResult>({
    spawn: () => new Worker(new URL("./srx-worker.ts", import.meta.url), { type: "module" }),
    message: request,
    runHere: () => runSrxJob(request),
    onProgress: () => undefined,
    cancelled: () => new AppError("srx.cancelled"),
    failed: (detail) => new AppError("srx.failed", { detail }),
  });
}
