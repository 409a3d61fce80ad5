import type { MemoryReadResult } from "../../core/format/read-memory-file.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";

export interface WorkerRequest {
  /** Read by the worker block by block (structured clone of a File copies no bytes). */
  file: File;
}

export type WorkerReply =
  | { type: "progress"; fraction: number }
  | { type: "done"; result: MemoryReadResult }
  | { type: "error"; error: ErrorInfo };
