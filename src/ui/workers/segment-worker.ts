/**
 * Segments with user-supplied rules off the main thread (the Settings preview and the rule check
 * before rules are kept); the page terminates it when it runs past its time limit.
 */
import {
  runSegmentJob,
  type SegmentJobRequest,
  type SegmentJobResult,
} from "./segment-protocol.ts";
import { serveJob } from "./worker-job.ts";

serveJob<SegmentJobRequest, SegmentJobResult>(
  (request, onProgress) => runSegmentJob(request, onProgress),
  (_request, detail) => ({ code: "segment.failed", params: { detail } }),
);
