import type {
  AlignTranslationRequest,
  AlignTranslationResult,
} from "../../core/align/align-translation.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";

export type AlignWorkerRequest = AlignTranslationRequest;

export type AlignWorkerReply =
  | { type: "progress"; fraction: number }
  | { type: "done"; result: AlignTranslationResult }
  | { type: "error"; error: ErrorInfo };
