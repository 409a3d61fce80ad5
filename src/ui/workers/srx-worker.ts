/** Reads SRX files off the main thread (Settings → Segmentation → Import SRX). */
import type { SrxReadResult } from "../../core/segment/srx.ts";
import { runSrxJob, type SrxJobRequest } from "./srx-protocol.ts";
import { serveJob } from "./worker-job.ts";

serveJob<SrxJobRequest, SrxReadResult>(
  (request) => runSrxJob(request),
  (_request, detail) => ({ code: "srx.failed", params: { detail } }),
);
