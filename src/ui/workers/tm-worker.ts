/// <reference lib="webworker" />
import { createDb } from "../../db/database.ts";
import { isAppError } from "../../core/model/app-error.ts";
import { TmEngine } from "./tm-engine.ts";
import type { TmReply, TmRequest } from "./tm-protocol.ts";

/**
 * The TM worker: opens the database by name, builds the index of the memory and every document's
 * targets (TmEngine) and answers lookups; Dexie's change events reach it from the page through a
 * BroadcastChannel, so saved cells are in the index a moment later.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let engine: TmEngine | null = null;

function post(reply: TmReply): void {
  scope.postMessage(reply);
}

function errorOf(error: unknown, id: number | null): TmReply {
  return {
    type: "error",
    id,
    error: isAppError(error)
      ? error.toInfo()
      : { code: "tm.failed", params: { detail: String(error) } },
  };
}

scope.onmessage = (event: MessageEvent<TmRequest>) => {
  const request = event.data;
  if (request.type === "open") {
    const tm = new TmEngine(createDb(request.dbName));
    engine = tm;
    tm.onChange(() => post({ type: "changed", status: tm.status }));
    tm.ready.then(
      () => post({ type: "ready", status: tm.status }),
      (error: unknown) => post(errorOf(error, null)),
    );
    return;
  }
  const tm = engine;
  if (!tm) return;
  void tm.ready.then(() => {
    try {
      if (request.type === "match") {
        post({ type: "match", id: request.id, matches: tm.match(request.lookup) });
      } else {
        post({
          type: "concordance",
          id: request.id,
          result: tm.concordance(request.phrase, request.limit, { stems: !!request.stems }),
        });
      }
    } catch (error) {
      post(errorOf(error, request.id));
    }
  });
};
