import { AppError } from "../../core/model/app-error.ts";
import { LANGS } from "../../core/model/languages.ts";
import type { SegmentationRules } from "../../core/segment/rules.ts";
import { allRules, describeRule, probeTexts, singleRuleSet } from "../../core/segment/probes.ts";
import {
  runSegmentJob,
  type SegmentJobRequest,
  type SegmentJobResult,
} from "./segment-protocol.ts";
import { runWorkerJob, type WorkerTask } from "./worker-job.ts";

/** How long segmenting a preview or the check texts may take before the worker is stopped. */
export const SEGMENT_TIME_LIMIT_MS = 2000;

/**
 * Segments in the segment worker; past `limitMs` the worker is terminated and the promise rejects
 * with AppError "segment.timeout" ({ seconds }); `cancel()` rejects with "segment.cancelled".
 */
export function segmentWithTimeLimit(
  request: SegmentJobRequest,
  limitMs = SEGMENT_TIME_LIMIT_MS,
): WorkerTask<SegmentJobResult> {
  let timedOut = false;
  const task = runWorkerJob<SegmentJobResult>({
    spawn: () => new Worker(new URL("./segment-worker.ts", import.meta.url), { type: "module" }),
    message: request,
    runHere: () => runSegmentJob(request),
    onProgress: () => undefined,
    cancelled: () =>
      timedOut
        ? new AppError("segment.timeout", { seconds: limitMs / 1000 })
        : new AppError("segment.cancelled"),
    failed: (detail) => new AppError("segment.failed", { detail }),
  });
  const timer = setTimeout(() => {
    timedOut = true;
    task.cancel();
  }, limitMs);
  const clear = () => clearTimeout(timer);
  task.promise.then(clear, clear);
  return task;
}

/**
 * Checks rules before they are kept: segments `texts` and the probe texts in every language in
 * the worker. A run past the limit is retried rule by rule to name the rule at fault:
 * AppError "segment.rule-timeout" ({ pattern, seconds }), or "segment.timeout" when only the
 * combination is slow.
 */
export async function checkRulesInTime(
  rules: SegmentationRules,
  texts: readonly string[],
  limitMs = SEGMENT_TIME_LIMIT_MS,
): Promise<void> {
  const paragraphs = [...texts, ...probeTexts()];
  try {
    await segmentWithTimeLimit({ rules, langs: LANGS, paragraphs }, limitMs).promise;
    return;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "segment.timeout") throw error;
  }
  for (const rule of allRules(rules)) {
    const single = singleRuleSet(rule);
    try {
      await segmentWithTimeLimit({ rules: single, langs: ["id"], paragraphs }, limitMs).promise;
    } catch (error) {
      if (error instanceof AppError && error.code === "segment.timeout") {
        throw new AppError("segment.rule-timeout", {
          pattern: describeRule(rule),
          seconds: limitMs / 1000,
        });
      }
      throw error;
    }
  }
  throw new AppError("segment.timeout", { seconds: limitMs / 1000 });
}
