import type { QaPatch, QaResult, QaUpdate } from "./qa-engine.ts";

/** The page asks the QA worker to take changes and check again. */
export interface QaRequest {
  id: number;
  update: QaUpdate;
}

/**
 * Findings of a request, as the cells whose findings changed since the last reply: partial ones
 * during a long first run, then the final ones.
 */
export interface QaReply extends Pick<QaResult, "ratios" | "used"> {
  id: number;
  type: "partial" | "done";
  patches: QaPatch[];
  /** Rows checked so far, of `total`. */
  done: number;
  total: number;
  /** Time the run took in the worker (ms). */
  ms: number;
}
