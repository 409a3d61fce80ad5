import type { MemoryReadResult } from "../../core/format/read-memory-file.ts";
import type { JobReply } from "./worker-job.ts";

export interface ImportRequest {
  /** Read by the worker block by block (structured clone of a File copies no bytes). */
  file: File;
}

export type ImportReply = JobReply<MemoryReadResult>;
