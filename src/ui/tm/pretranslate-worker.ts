/// <reference lib="webworker" />
/**
 * Plans a pre-translation off the main thread: reading and indexing a large project memory (one
 * index per target language) takes seconds, which would freeze the dialog. Opens the database by
 * name, as the TM worker does; nothing is written here.
 */
import { createDb } from "../../db/database.ts";
import { isAppError } from "../../core/model/app-error.ts";
import { planPretranslate, type PretranslatePlan } from "../../db/operations/pretranslate.ts";
import type { JobReply } from "../workers/worker-job.ts";
import type { PretranslateRequest } from "./pretranslate-async.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<PretranslateRequest>) => {
  const { dbName, docId, threshold } = event.data;
  const db = createDb(dbName);
  const post = (reply: JobReply<PretranslatePlan>) => scope.postMessage(reply);
  planPretranslate(db, docId, threshold).then(
    (result) => {
      db.close();
      post({ type: "done", result });
    },
    (error: unknown) => {
      db.close();
      post({
        type: "error",
        error: isAppError(error)
          ? error.toInfo()
          : { code: "tm.failed", params: { detail: String(error) } },
      });
    },
  );
};
