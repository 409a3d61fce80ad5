import type {
  AlignTranslationRequest,
  AlignTranslationResult,
  RealignJob,
} from "../../core/align/align-translation.ts";
import type { AlignmentPlan } from "../../core/align/types.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";

export type AlignWorkerRequest =
  { kind: "align"; request: AlignTranslationRequest } | { kind: "realign"; job: RealignJob };

export type AlignWorkerReply =
  | { type: "progress"; fraction: number }
  | { type: "done"; result: AlignTranslationResult | AlignmentPlan }
  | { type: "error"; error: ErrorInfo };
