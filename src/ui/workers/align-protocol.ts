import {
  alignTranslation,
  realignTranslation,
  type AlignHooks,
  type AlignTranslationRequest,
  type AlignTranslationResult,
  type RealignJob,
} from "../../core/align/align-translation.ts";
import type { AlignmentPlan } from "../../core/align/types.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import type { JobReply } from "./worker-job.ts";

export type AlignWorkerRequest =
  { kind: "align"; request: AlignTranslationRequest } | { kind: "realign"; job: RealignJob };

export type AlignWorkerReply = JobReply<AlignTranslationResult | AlignmentPlan>;

/** What the align worker runs for a message (and the main-thread fallback, the same). */
export function runAlignRequest(
  message: AlignWorkerRequest,
  hooks: AlignHooks,
): AlignTranslationResult | AlignmentPlan {
  return message.kind === "align"
    ? alignTranslation(message.request, hooks)
    : realignTranslation(message.job, hooks);
}

/** An error that is not the aligner's own, as the app shows it. */
export function alignErrorInfo(detail: string): ErrorInfo {
  return { code: "align.failed", params: { detail } };
}
