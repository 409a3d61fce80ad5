/**
 * Segments a translation and aligns it to the document's source rows (or re-aligns a column between
 * its confirmed links) off the main thread: the page stays responsive on a long text, reports
 * progress, and is cancelled by terminating the worker.
 */
import { alignErrorInfo, runAlignRequest, type AlignWorkerRequest } from "./align-protocol.ts";
import { serveJob } from "./worker-job.ts";

serveJob(
  (message: AlignWorkerRequest, onProgress) => runAlignRequest(message, { onProgress }),
  (_message, detail) => alignErrorInfo(detail),
);
