/** Decodes and segments texts to import as documents, off the main thread, with progress. */
import type { BuiltDocument } from "../../db/operations/import-documents.ts";
import { runTextImportJob, type TextImportRequest } from "./text-import-protocol.ts";
import { serveJob } from "./worker-job.ts";

serveJob<TextImportRequest, BuiltDocument[]>(
  (request, onProgress) => runTextImportJob(request, onProgress),
  (request, detail) => ({
    code: "import.failed",
    params: { detail, file: request.items.map((i) => i.title).join(", ") },
  }),
);
