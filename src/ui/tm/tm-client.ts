import type { SelarasDb } from "../../db/database.ts";
import type { TmMatch } from "../../core/tm/types.ts";
import { AppError } from "../../core/model/app-error.ts";
import {
  TmEngine,
  type ConcordanceResult,
  type TmLookup,
  type TmStatus,
} from "../workers/tm-engine.ts";
import type { TmReply, TmRequest } from "../workers/tm-protocol.ts";

/** The translation memory as the page sees it: lookups answered by the TM worker. */
export interface TmClient {
  match(lookup: TmLookup): Promise<TmMatch[]>;
  /** `stems`: Indonesian sources also match other word forms of the phrase's words. */
  concordance(phrase: string, limit?: number, stems?: boolean): Promise<ConcordanceResult>;
  /** Null until the index is built. */
  status(): TmStatus | null;
  /** Called once the index is built and after each update. */
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

/** The engine on this thread (no Worker: jsdom tests), behind the same asynchronous face. */
export function localTmClient(db: SelarasDb): TmClient {
  const engine = new TmEngine(db);
  let built = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  void engine.ready.then(() => {
    built = true;
    notify();
  });
  engine.onChange(notify);
  return {
    match: async (lookup) => (await engine.ready, engine.match(lookup)),
    concordance: async (phrase, limit, stems) => (
      await engine.ready,
      engine.concordance(phrase, limit, { stems: !!stems })
    ),
    status: () => (built ? engine.status : null),
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    dispose: () => engine.dispose(),
  };
}

/** The TM worker (tm-worker.ts) on the database `db.name`. */
export function workerTmClient(db: SelarasDb): TmClient {
  const worker = new Worker(new URL("../workers/tm-worker.ts", import.meta.url), {
    type: "module",
  });
  let status: TmStatus | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: never) => void; reject: (e: unknown) => void }>();
  const listeners = new Set<() => void>();
  const send = (request: TmRequest) => worker.postMessage(request);
  worker.onmessage = (event: MessageEvent<TmReply>) => {
    const reply = event.data;
    if (reply.type === "ready" || reply.type === "changed") {
      status = reply.status;
      listeners.forEach((l) => l());
      return;
    }
    if (reply.type === "error" && reply.id === null) {
      // The build failed: every waiting lookup gets the error.
      for (const p of pending.values())
        p.reject(new AppError(reply.error.code, reply.error.params));
      pending.clear();
      return;
    }
    const id = reply.id ?? -1;
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (reply.type === "error") p.reject(new AppError(reply.error.code, reply.error.params));
    else if (reply.type === "match") p.resolve(reply.matches as never);
    else p.resolve(reply.result as never);
  };
  worker.onerror = (event) => {
    for (const p of pending.values())
      p.reject(new AppError("tm.failed", { detail: event.message }));
    pending.clear();
  };
  send({ type: "open", dbName: db.name });
  const ask = <T>(make: (id: number) => TmRequest) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: never) => void, reject });
      send(make(id));
    });
  return {
    match: (lookup) => ask<TmMatch[]>((id) => ({ type: "match", id, lookup })),
    concordance: (phrase, limit, stems) =>
      ask<ConcordanceResult>((id) => ({
        type: "concordance",
        id,
        phrase,
        ...(limit !== undefined ? { limit } : {}),
        ...(stems ? { stems } : {}),
      })),
    status: () => status,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    dispose: () => worker.terminate(),
  };
}

const clients = new WeakMap<SelarasDb, TmClient>();

/**
 * One TM client per database for the page's life: the index is built once (when a document is
 * first opened) and kept up to date, so moving between documents costs no rebuild.
 */
export function tmClientFor(db: SelarasDb): TmClient {
  let client = clients.get(db);
  if (!client) {
    client = typeof Worker === "undefined" ? localTmClient(db) : workerTmClient(db);
    clients.set(db, client);
  }
  return client;
}
