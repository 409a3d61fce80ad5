import type { Lang, TargetLang } from "../../core/model/languages.ts";
import { translationId } from "../../core/model/records.ts";
import type { PlacedFinding } from "../../core/qa/run-qa.ts";
import type { Severity } from "../../core/qa/types.ts";
import {
  lengthFindings,
  QaEngine,
  sortFindings,
  unitFindings,
  unitKey,
  type QaResult,
  type QaUnit,
} from "./qa-engine.ts";
import type { QaReply, QaRequest } from "./qa-protocol.ts";

/** How long the document waits after a change before it is checked again (and a typed cell). */
export const QA_DEBOUNCE_MS = 300;

export interface QaSnapshot {
  /** Every finding of the document, sorted by row and column; typed cells with their live text. */
  findings: readonly PlacedFinding[];
  /** A run is under way (the first one over a large document takes a while). */
  checking: boolean;
  /** Rows checked of the run under way. */
  done: number;
  total: number;
  /** How long the last complete run took in the worker (ms). */
  lastRunMs: number | null;
}

const NONE: readonly PlacedFinding[] = Object.freeze([]);
type Listener = () => void;

const sameFindings = (a: readonly PlacedFinding[], b: readonly PlacedFinding[]) =>
  a.length === b.length &&
  a.every(
    (f, i) =>
      f.fingerprint === b[i]!.fingerprint &&
      f.row === b[i]!.row &&
      f.finding.severity === b[i]!.finding.severity,
  );

/**
 * One document's QA on the page. The rows go to the QA worker (only what changed, debounced), which
 * checks the changed rows again and answers with every finding; a cell being typed is checked on the
 * main thread (one row: about a millisecond) with its live text, until the worker has seen that
 * text. Cells subscribe to their own findings, so a run re-renders only the cells that changed.
 */
export class QaStore {
  private readonly docId: string;
  private readonly sourceLang: Lang;
  private readonly langs: readonly TargetLang[];
  private readonly spawn: (() => Worker) | null;
  private worker: Worker | null = null;
  private engine: QaEngine | null = null;
  private sent = new Map<string, { key: string; unit: QaUnit }>();
  private order: string[] = [];
  private rowOf = new Map<string, number>();
  private pendingUnits: readonly QaUnit[] | (() => readonly QaUnit[]) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private applied = 0;
  private docFindings: readonly PlacedFinding[] = NONE;
  private docByKey = new Map<string, PlacedFinding[]>();
  private result: Pick<QaResult, "ratios" | "used"> = { ratios: {}, used: [] };
  private byKey = new Map<string, readonly PlacedFinding[]>();
  private live = new Map<string, { text: string; findings: PlacedFinding[] }>();
  private cellListeners = new Map<string, Set<Listener>>();
  private listeners = new Set<Listener>();
  private snap: QaSnapshot = {
    findings: NONE,
    checking: false,
    done: 0,
    total: 0,
    lastRunMs: null,
  };
  /** The document's list is rebuilt only when someone reads it after a change. */
  private snapDirty = false;
  private disposed = false;

  constructor(options: {
    docId: string;
    sourceLang: Lang;
    langs: readonly TargetLang[];
    /** Starts the QA worker; without one (or without Worker) the checks run on the main thread. */
    spawn?: () => Worker;
  }) {
    this.docId = options.docId;
    this.sourceLang = options.sourceLang;
    this.langs = options.langs;
    this.spawn = typeof Worker === "undefined" ? null : (options.spawn ?? null);
  }

  /**
   * The rows as they are stored now (or how to list them: called once the pause is over); checked
   * after a short pause (the last call wins).
   */
  setUnits(units: readonly QaUnit[] | (() => readonly QaUnit[]), delay = QA_DEBOUNCE_MS): void {
    this.pendingUnits = units;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushUnits();
    }, delay);
  }

  /** The text typed in a cell (debounced by the cell): checked here at once, for its marker. */
  setLive(segmentId: string, lang: TargetLang, text: string): void {
    const key = translationId(segmentId, lang);
    const unit = this.sent.get(segmentId)?.unit;
    if (!unit) return;
    const stored = unit.targets[lang];
    if (text === (stored?.text ?? "")) {
      if (this.live.delete(key)) this.refreshKeys([key]);
      return;
    }
    if (this.live.get(key)?.text === text) return;
    const t0 = performance.now();
    const row = this.rowOf.get(segmentId) ?? 0;
    const typed: QaUnit = {
      ...unit,
      targets: {
        ...unit.targets,
        [lang]: {
          ...stored,
          text,
          // An edited target goes back to Draft when it is saved.
          status: text.trim() === "" ? "empty" : "draft",
        },
      },
    };
    const used = new Set(this.result.used);
    if (text.trim() !== "") used.add(lang);
    const findings = [
      ...unitFindings(this.docId, this.sourceLang, typed, used, row),
      ...lengthFindings(this.docId, this.sourceLang, typed, lang, this.result.ratios[lang], row),
    ].filter((f) => f.lang === lang);
    sortFindings(findings, this.langs);
    this.live.set(key, { text, findings });
    this.refreshKeys([key]);
    measure("qa:live", t0);
  }

  /** The findings of one cell (the same array while they do not change). */
  cell(segmentId: string, lang: TargetLang): readonly PlacedFinding[] {
    return this.byKey.get(translationId(segmentId, lang)) ?? NONE;
  }

  subscribeCell(segmentId: string, lang: TargetLang, listener: Listener): () => void {
    const key = translationId(segmentId, lang);
    let set = this.cellListeners.get(key);
    if (!set) this.cellListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.cellListeners.delete(key);
    };
  }

  snapshot(): QaSnapshot {
    if (this.snapDirty) {
      this.snapDirty = false;
      this.snap = { ...this.snap, findings: this.merged() };
    }
    return this.snap;
  }

  /** The document's findings with the typed cells' live findings in their place. */
  private merged(): readonly PlacedFinding[] {
    if (this.live.size === 0) return this.docFindings;
    const out = this.docFindings.filter((f) => !this.live.has(translationId(f.segmentId, f.lang)));
    const rank = (f: PlacedFinding) => f.row * 8 + Math.max(0, this.langs.indexOf(f.lang));
    for (const { findings } of this.live.values()) {
      if (findings.length === 0) continue;
      const at = rank(findings[0]!);
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rank(out[mid]!) < at) lo = mid + 1;
        else hi = mid;
      }
      out.splice(lo, 0, ...findings);
    }
    return out;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
  }

  /** Sends what changed since the last request (now, without waiting: tests and page unload). */
  flushUnits(): void {
    const pending = this.pendingUnits;
    this.pendingUnits = null;
    if (!pending || this.disposed) return;
    const t0 = performance.now();
    const units = typeof pending === "function" ? pending() : pending;
    const changed: QaUnit[] = [];
    const ids = units.map((u) => u.id);
    const orderChanged =
      ids.length !== this.order.length || ids.some((id, i) => id !== this.order[i]);
    const next = new Map<string, { key: string; unit: QaUnit }>();
    for (const unit of units) {
      const key = unitKey(unit);
      const before = this.sent.get(unit.id);
      next.set(unit.id, before?.key === key ? before : { key, unit });
      if (before?.key !== key) changed.push(unit);
    }
    this.sent = next;
    if (!orderChanged && changed.length === 0) return;
    if (orderChanged) {
      this.order = ids;
      this.rowOf = new Map(ids.map((id, i) => [id, i]));
    }
    const request: QaRequest = {
      id: this.nextId++,
      update: { docId: this.docId, sourceLang: this.sourceLang, order: this.order, changed },
    };
    this.setSnap({ checking: true, done: 0, total: ids.length });
    measure("qa:send", t0);
    if (this.spawn) {
      if (!this.worker) {
        this.worker = this.spawn();
        this.worker.onmessage = (e: MessageEvent<QaReply>) => this.onReply(e.data);
        this.worker.onerror = (e) => {
          console.warn("QA worker failed", e.message);
          this.setSnap({ checking: false });
        };
      }
      this.worker.postMessage(request);
      return;
    }
    const engine = (this.engine ??= new QaEngine());
    setTimeout(() => {
      if (this.disposed) return;
      const t0 = performance.now();
      engine.update(request.update);
      const result = engine.run();
      this.onReply({
        id: request.id,
        type: "done",
        result,
        done: ids.length,
        total: ids.length,
        ms: performance.now() - t0,
      });
    }, 0);
  }

  private onReply(reply: QaReply): void {
    if (this.disposed || reply.id < this.applied) return;
    const t0 = performance.now();
    this.applied = reply.id;
    const latest = reply.id === this.nextId - 1;
    this.docFindings = reply.result.findings;
    this.docByKey = new Map();
    for (const f of this.docFindings) {
      const key = translationId(f.segmentId, f.lang);
      let list = this.docByKey.get(key);
      if (!list) this.docByKey.set(key, (list = []));
      list.push(f);
    }
    this.result = { ratios: reply.result.ratios, used: reply.result.used };
    // A typed text the worker has now seen stored: its findings come from the run.
    if (latest && reply.type === "done") {
      for (const [key, entry] of this.live) {
        const [segmentId, lang] = splitKey(key);
        const stored = this.sent.get(segmentId)?.unit.targets[lang]?.text ?? "";
        if (stored === entry.text) this.live.delete(key);
      }
    }
    const keys = new Set<string>(this.byKey.keys());
    for (const key of this.docByKey.keys()) keys.add(key);
    this.refreshKeys(keys, {
      checking: !(latest && reply.type === "done"),
      done: reply.done,
      total: reply.total,
      ...(reply.type === "done" ? { lastRunMs: reply.ms } : {}),
    });
    measure("qa:reply", t0);
  }

  /** Recomputes the cells' lists for these keys (live text wins) and the document's list. */
  private refreshKeys(keys: Iterable<string>, status: Partial<QaSnapshot> = {}): void {
    const changed: string[] = [];
    for (const key of keys) {
      const next = this.live.get(key)?.findings ?? this.docByKey.get(key) ?? NONE;
      const before = this.byKey.get(key) ?? NONE;
      if (sameFindings(before, next)) continue;
      if (next.length === 0) this.byKey.delete(key);
      else this.byKey.set(key, next);
      changed.push(key);
    }
    this.snapDirty = true;
    this.setSnap(status);
    for (const key of changed) for (const l of this.cellListeners.get(key) ?? []) l();
  }

  private setSnap(patch: Partial<QaSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }
}

/** Main-thread time of QA work, as User Timing entries (the 10,000-row e2e reads them). */
function measure(name: string, start: number): void {
  if (typeof performance.measure !== "function") return;
  performance.measure(name, { start, end: performance.now() });
}

function splitKey(key: string): [string, TargetLang] {
  const at = key.lastIndexOf(":");
  return [key.slice(0, at), key.slice(at + 1) as TargetLang];
}

/** The next (or previous) cell with a finding after a cell, among the rows shown; wraps around. */
export function nextFindingCell(
  findings: readonly PlacedFinding[],
  from: { index: number; lang: TargetLang } | null,
  direction: 1 | -1,
  langs: readonly TargetLang[],
  shown: (row: number) => boolean,
  severities?: ReadonlySet<Severity>,
): { index: number; lang: TargetLang } | null {
  const cells: { index: number; lang: TargetLang }[] = [];
  for (const f of findings) {
    if (severities && !severities.has(f.finding.severity)) continue;
    if (!shown(f.row)) continue;
    const last = cells[cells.length - 1];
    if (last && last.index === f.row && last.lang === f.lang) continue;
    cells.push({ index: f.row, lang: f.lang });
  }
  if (cells.length === 0) return null;
  const pos = (c: { index: number; lang: TargetLang }) =>
    c.index * langs.length + Math.max(0, langs.indexOf(c.lang));
  const here = from ? pos(from) : direction === 1 ? -1 : Infinity;
  if (direction === 1) return cells.find((c) => pos(c) > here) ?? cells[0]!;
  for (let i = cells.length - 1; i >= 0; i--) if (pos(cells[i]!) < here) return cells[i]!;
  return cells[cells.length - 1]!;
}
