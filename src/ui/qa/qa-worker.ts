/**
 * The QA worker: keeps one document's units and their findings between requests, so an edit
 * checks only the changed rows again, and answers with the cells whose findings changed; a first
 * run over a large document reports partial findings.
 */
import { FindingsDiffer, QaEngine, type QaResult } from "./qa-engine.ts";
import type { QaReply, QaRequest } from "./qa-protocol.ts";

const engine = new QaEngine();
const differ = new FindingsDiffer();
const scope = self as unknown as {
  postMessage(message: QaReply): void;
  onmessage: ((event: MessageEvent<QaRequest>) => void) | null;
};

scope.onmessage = (event) => {
  const { id, update } = event.data;
  const t0 = performance.now();
  engine.update(update);
  const total = update.order.length;
  const reply = (type: QaReply["type"], result: QaResult, done: number) =>
    scope.postMessage({
      id,
      type,
      patches: differ.diff(result.findings),
      ratios: result.ratios,
      used: result.used,
      done,
      total,
      ms: performance.now() - t0,
    });
  const partial = engine.pending() > 1000;
  const result = engine.run(partial ? (r, done) => reply("partial", r, done) : undefined);
  reply("done", result, total);
};
