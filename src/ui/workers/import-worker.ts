/**
 * Reads a translation-memory file off the main thread: the page stays responsive on a 100 MB TMX,
 * reports progress, and is cancelled by terminating the worker.
 */
import { readMemoryFile } from "../../core/format/read-memory-file.ts";
import { fileByteSource } from "./file-byte-source.ts";
import type { ImportRequest } from "./import-protocol.ts";
import { serveJob } from "./worker-job.ts";

serveJob(
  ({ file }: ImportRequest, onProgress) =>
    readMemoryFile(fileByteSource(file), file.name, { onProgress }),
  ({ file }, detail) => ({ code: "import.failed", params: { file: file.name, detail } }),
);
