/**
 * The QA worker: keeps one document's units and their findings between requests, so an edit
 * checks only the changed rows again; a first run over a large document reports partial findings.
 */
import { QaEngine } from "./qa-engine.ts";
import type { QaReply, QaRequest } from "./qa-protocol.ts";

const engine = new QaEngine();
const scope = self as unknown as {
  postMessage(message: QaReply): void;
  onmessage: ((event: MessageEvent<QaRequest>) => void) | null;
};

scope.onmessage = (event) => {
  const { id, update } = event.data;
  const t0 = performance.now();
  engine.update(update);
  const total = update.order.length;
  const partial = engine.pending() > 1000;
  const result = engine.run(
    partial
      ? (r, done) =>
          scope.postMessage({
            id,
            type: "partial",
            result: r,
            done,
            total,
            ms: performance.now() - t0,
          })
      : undefined,
  );
  scope.postMessage({ id, type: "done", result, done: total, total, ms: performance.now() - t0 });
};
