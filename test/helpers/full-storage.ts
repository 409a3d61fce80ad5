/**
 * A full origin on fake-indexeddb (db project): while `fill()` is in force, every transaction
 * that adds or changes a record aborts with a QuotaExceededError, as Chromium's does when the
 * origin's quota is used up. Reads and deletes still work (they free space). `free()` lifts it.
 */
import { IDBCursor, IDBObjectStore, IDBTransaction } from "fake-indexeddb";

interface FakeEvent {
  type: string;
  eventPath: unknown[];
  constructor: new (type: string, init: { bubbles: boolean; cancelable: boolean }) => FakeEvent;
}

interface FakeTransaction {
  db: unknown;
  error: DOMException | null;
  _rollbackLog: (() => void)[];
  dispatchEvent(event: FakeEvent): boolean;
}

let full = false;
let refused = 0;
let installed = false;
/** Transactions that added or changed a record. */
const wrote = new WeakSet<object>();

function markWrites(proto: object, method: string, txOf: (self: unknown) => FakeTransaction): void {
  const target = proto as Record<string, (this: unknown, ...args: unknown[]) => unknown>;
  const original = target[method]!;
  target[method] = function (this: unknown, ...args: unknown[]) {
    const request = original.apply(this, args);
    wrote.add(txOf(this));
    return request;
  };
}

/**
 * As in Chromium, the requests succeed and the transaction fails as it commits: its writes are
 * rolled back, its error is a QuotaExceededError, it fires "abort" instead of "complete".
 */
function install(): void {
  if (installed) return;
  installed = true;
  const storeTx = (self: unknown) => (self as { transaction: FakeTransaction }).transaction;
  markWrites(IDBObjectStore.prototype, "put", storeTx);
  markWrites(IDBObjectStore.prototype, "add", storeTx);
  markWrites(IDBCursor.prototype, "update", (self) => {
    const source = (self as { source: unknown }).source as {
      transaction?: FakeTransaction;
      objectStore?: { transaction: FakeTransaction };
    };
    return source.transaction ?? source.objectStore!.transaction;
  });
  const proto = IDBTransaction.prototype as unknown as FakeTransaction;
  const dispatch = proto.dispatchEvent;
  proto.dispatchEvent = function (this: FakeTransaction, event: FakeEvent) {
    if (event.type !== "complete" || !full || !wrote.has(this)) return dispatch.call(this, event);
    refused++;
    for (const undo of this._rollbackLog.reverse()) undo();
    this._rollbackLog = [];
    this.error = new DOMException("The quota has been exceeded.", "QuotaExceededError");
    const abort = new event.constructor("abort", { bubbles: true, cancelable: false });
    abort.eventPath = [this.db];
    return dispatch.call(this, abort);
  };
}

export const fullStorage = {
  /** From now on, writes that need space fail with QuotaExceededError. */
  fill(): void {
    install();
    full = true;
    refused = 0;
  },
  /** Space again: writes succeed. */
  free(): void {
    full = false;
  },
  /** How many writes were refused since `fill()`. */
  refused(): number {
    return refused;
  },
};
