import { AppError, isAppError, type ErrorInfo } from "../../core/model/app-error.ts";

/** What a job worker posts back: progress fractions, then its result or an error. */
export type JobReply<T> =
  | { type: "progress"; fraction: number }
  | { type: "done"; result: T }
  | { type: "error"; error: ErrorInfo };

/** A running job: its result, and a cancel that stops it at once (the promise then rejects). */
export interface WorkerTask<T> {
  promise: Promise<T>;
  cancel: () => void;
}

export interface JobHooks {
  onProgress: (fraction: number) => void;
  signal: { aborted: boolean };
}

export interface WorkerJob<T> {
  /**
   * Starts the worker. Written by each caller as `() => new Worker(new URL("./x.ts",
   * import.meta.url), { type: "module" })`, the form Vite bundles as a worker.
   */
  spawn: () => Worker;
  message: unknown;
  /** The same job on the main thread, where there are no workers (tests in jsdom). */
  runHere: (hooks: JobHooks) => T | Promise<T>;
  onProgress: (fraction: number) => void;
  cancelled: () => AppError;
  /** A worker that crashed (not an error the job reported). */
  failed: (detail: string) => AppError;
}

/**
 * Runs a job in a Web Worker with progress; `cancel()` terminates it. Without workers it runs on the
 * main thread after one macrotask (so the page can show that it started), with a cancel flag.
 */
export function runWorkerJob<T>(job: WorkerJob<T>): WorkerTask<T> {
  let cancel: () => void = () => undefined;
  const promise = new Promise<T>((resolve, reject) => {
    if (typeof Worker === "undefined") {
      const signal = { aborted: false };
      cancel = () => {
        signal.aborted = true;
        reject(job.cancelled());
      };
      setTimeout(() => {
        if (signal.aborted) return;
        Promise.resolve()
          .then(() => job.runHere({ onProgress: job.onProgress, signal }))
          .then(resolve, reject);
      }, 0);
      return;
    }
    const worker = job.spawn();
    cancel = () => {
      worker.terminate();
      reject(job.cancelled());
    };
    worker.onmessage = (event: MessageEvent<JobReply<T>>) => {
      const reply = event.data;
      if (reply.type === "progress") job.onProgress(reply.fraction);
      else {
        worker.terminate();
        if (reply.type === "done") resolve(reply.result);
        else reject(new AppError(reply.error.code, reply.error.params));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(job.failed(event.message));
    };
    worker.postMessage(job.message);
  });
  return { promise, cancel: () => cancel() };
}

interface WorkerScope<Req, T> {
  postMessage(message: JobReply<T>): void;
  onmessage: ((event: MessageEvent<Req>) => void) | null;
}

/**
 * The worker side: runs `handle` on each message and posts its progress (in steps of at least 1 %),
 * then its result, or its error as the app's ErrorInfo (`unexpected` names anything else).
 */
export function serveJob<Req, T>(
  handle: (request: Req, onProgress: (fraction: number) => void) => T,
  unexpected: (request: Req, detail: string) => ErrorInfo,
): void {
  const scope = self as unknown as WorkerScope<Req, T>;
  scope.onmessage = (event) => {
    let last = 0;
    const onProgress = (fraction: number) => {
      if (fraction - last >= 0.01 || fraction === 1) {
        last = fraction;
        scope.postMessage({ type: "progress", fraction });
      }
    };
    try {
      scope.postMessage({ type: "done", result: handle(event.data, onProgress) });
    } catch (error) {
      scope.postMessage({
        type: "error",
        error: isAppError(error) ? error.toInfo() : unexpected(event.data, String(error)),
      });
    }
  };
}
