import type { ErrorInfo } from "../../core/model/app-error.ts";
import type { TmMatch } from "../../core/tm/types.ts";
import type { ConcordanceResult, TmLookup, TmStatus } from "./tm-engine.ts";

/** What the page asks the TM worker (tm-worker.ts). */
export type TmRequest =
  | { type: "open"; dbName: string }
  | { type: "match"; id: number; lookup: TmLookup }
  | { type: "concordance"; id: number; phrase: string; limit?: number; stems?: boolean };

/** What the TM worker answers: once built, after each update, and each request's result. */
export type TmReply =
  | { type: "ready"; status: TmStatus }
  | { type: "changed"; status: TmStatus }
  | { type: "match"; id: number; matches: TmMatch[] }
  | { type: "concordance"; id: number; result: ConcordanceResult }
  | { type: "error"; id: number | null; error: ErrorInfo };
