import type { MemoryReadResult } from "../../core/format/read-memory-file.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";

export interface WorkerRequest {
  fileName: string;
  bytes: ArrayBuffer;
}

export type WorkerReply =
  | { type: "progress"; fraction: number }
  | { type: "done"; result: MemoryReadResult }
  | { type: "error"; error: ErrorInfo };
