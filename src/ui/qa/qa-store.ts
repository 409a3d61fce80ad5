import type { Lang, TargetLang } from "../../core/model/languages.ts";
import { translationId } from "../../core/model/records.ts";
import type { PlacedFinding } from "../../core/qa/run-qa.ts";
import type { Severity } from "../../core/qa/types.ts";
import {
  FindingsDiffer,
  lengthFindings,
  QaEngine,
  sameUnit,
  sortFindings,
  unitFindings,
  type QaResult,
  type QaUnit,
} from "./qa-engine.ts";
import type { QaReply, QaRequest } from "./qa-protocol.ts";

/** How long the document waits after a change before it is checked again (and a typed cell). */
export const QA_DEBOUNCE_MS = 300;
/** The longest slice of main-thread work comparing the rows with those sent (ms). */
const SLICE_MS = 8;

/** The document's rows, read one at a time (built on demand: no 10,000-object array at once). */
export interface QaRows {
  length: number;
  at: (index: number) => QaUnit;
}

export interface QaSnapshot {
  /** Findings per severity (typed cells with their live text). */
  counts: Readonly<Record<Severity, number>>;
  /** A run is under way (the first one over a large document takes a while). */
  checking: boolean;
  /** Rows checked of the run under way. */
  done: number;
  total: number;
  /** How long the last complete run took in the worker (ms). */
  lastRunMs: number | null;
  /** Changes whenever any finding changes (the list is built on demand: `findings()`). */
  version: number;
}

const NONE: readonly PlacedFinding[] = Object.freeze([]);
type Listener = () => void;
const ZERO: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

const sameFindings = (a: readonly PlacedFinding[], b: readonly PlacedFinding[]) =>
  a.length === b.length &&
  a.every(
    (f, i) =>
      f.fingerprint === b[i]!.fingerprint &&
      f.row === b[i]!.row &&
      f.finding.severity === b[i]!.finding.severity &&
      f.finding.params === b[i]!.finding.params,
  );

function addCounts(counts: Record<Severity, number>, list: readonly PlacedFinding[], sign: 1 | -1) {
  for (const f of list) counts[f.finding.severity] += sign;
}

/**
 * One document's QA on the page. The rows go to the QA worker (only what changed, debounced), which
 * checks the changed rows again and answers with the cells whose findings changed; a cell being
 * typed is checked on the main thread (one row: about a millisecond) with its live text, until the
 * worker has seen that text stored. Cells subscribe to their own findings, so a run re-renders
 * only the cells that changed; the document's sorted list is built only when it is read.
 */
export class QaStore {
  private readonly docId: string;
  private readonly sourceLang: Lang;
  private readonly langs: readonly TargetLang[];
  private readonly spawn: (() => Worker) | null;
  private worker: Worker | null = null;
  private engine: QaEngine | null = null;
  private differ: FindingsDiffer | null = null;
  private sent = new Map<string, QaUnit>();
  private order: string[] = [];
  private rowOf = new Map<string, number>();
  private pendingUnits: QaRows | null = null;
  /** The comparison under way (a newer setUnits stops it). */
  private job = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private applied = 0;
  /** The worker's findings per cell. */
  private docByKey = new Map<string, readonly PlacedFinding[]>();
  private docCounts: Record<Severity, number> = { ...ZERO };
  private result: Pick<QaResult, "ratios" | "used"> = { ratios: {}, used: [] };
  /** What each cell shows: its live findings while typed, else the worker's. */
  private byKey = new Map<string, readonly PlacedFinding[]>();
  private live = new Map<string, { text: string; findings: PlacedFinding[] }>();
  private cellListeners = new Map<string, Set<Listener>>();
  private listeners = new Set<Listener>();
  private snap: QaSnapshot = {
    counts: ZERO,
    checking: false,
    done: 0,
    total: 0,
    lastRunMs: null,
    version: 0,
  };
  private list: { version: number; findings: readonly PlacedFinding[] } | null = null;
  private disposed = false;
  private warmed = false;

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

  /** The rows as they are stored now; checked after a short pause (the last call wins). */
  setUnits(rows: QaRows | readonly QaUnit[], delay = QA_DEBOUNCE_MS): void {
    this.pendingUnits = Array.isArray(rows)
      ? { length: rows.length, at: (i: number) => rows[i]! }
      : (rows as QaRows);
    this.job++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushUnits();
    }, delay);
  }

  /** The text typed in a cell (debounced by the cell): checked here at once, for its marker. */
  setLive(segmentId: string, lang: TargetLang, text: string): void {
    const key = translationId(segmentId, lang);
    const unit = this.sent.get(segmentId);
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
    return this.snap;
  }

  /** Every finding of the document, sorted by row, column and severity (built when read). */
  findings(): readonly PlacedFinding[] {
    if (this.list?.version === this.snap.version) return this.list.findings;
    const out: PlacedFinding[] = [];
    for (const list of this.byKey.values()) for (const f of list) out.push(f);
    sortFindings(out, this.langs);
    this.list = { version: this.snap.version, findings: out };
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

  /**
   * Compares the rows with those sent last, a slice at a time (a 10,000-row document never holds
   * the main thread for long), then sends what changed. `sync`: all at once (tests).
   */
  flushUnits(sync = false): void {
    const rows = this.pendingUnits;
    this.pendingUnits = null;
    if (!rows || this.disposed) return;
    const job = this.job;
    const changed: QaUnit[] = [];
    const ids: string[] = [];
    const next = new Map<string, QaUnit>();
    let i = 0;
    const slice = () => {
      if (this.disposed || job !== this.job) return;
      const t0 = performance.now();
      while (i < rows.length && (sync || performance.now() - t0 < SLICE_MS)) {
        const end = Math.min(rows.length, i + 200);
        for (; i < end; i++) {
          const unit = rows.at(i);
          ids.push(unit.id);
          const before = this.sent.get(unit.id);
          if (before && sameUnit(before, unit)) next.set(unit.id, before);
          else {
            next.set(unit.id, unit);
            changed.push(unit);
          }
        }
      }
      measure("qa:compare", t0);
      if (i < rows.length) setTimeout(slice, 0);
      else this.send(ids, next, changed);
    };
    slice();
  }

  private send(ids: string[], next: Map<string, QaUnit>, changed: QaUnit[]): void {
    const orderChanged =
      ids.length !== this.order.length || ids.some((id, k) => id !== this.order[k]);
    this.sent = next;
    if (!orderChanged && changed.length === 0) return;
    const t0 = performance.now();
    if (orderChanged) {
      this.order = ids;
      this.rowOf = new Map(ids.map((id, k) => [id, k]));
    }
    const request: QaRequest = {
      id: this.nextId++,
      update: { docId: this.docId, sourceLang: this.sourceLang, order: this.order, changed },
    };
    const total = ids.length;
    this.setSnap({ checking: true, done: 0, total });
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
    const differ = (this.differ ??= new FindingsDiffer());
    setTimeout(() => {
      if (this.disposed) return;
      const started = performance.now();
      engine.update(request.update);
      const result = engine.run();
      this.onReply({
        id: request.id,
        type: "done",
        patches: differ.diff(result.findings),
        ratios: result.ratios,
        used: result.used,
        done: total,
        total,
        ms: performance.now() - started,
      });
    }, 0);
  }

  private onReply(reply: QaReply): void {
    if (this.disposed || reply.id < this.applied) return;
    const t0 = performance.now();
    this.applied = reply.id;
    const latest = reply.id === this.nextId - 1;
    this.result = { ratios: reply.ratios, used: reply.used };
    const keys: string[] = [];
    for (const [key, list] of reply.patches) {
      addCounts(this.docCounts, this.docByKey.get(key) ?? NONE, -1);
      addCounts(this.docCounts, list, 1);
      if (list.length === 0) this.docByKey.delete(key);
      else this.docByKey.set(key, list);
      keys.push(key);
    }
    // A typed text the worker has now seen stored: its findings come from the run.
    if (latest && reply.type === "done") {
      for (const [key, entry] of this.live) {
        const [segmentId, lang] = splitKey(key);
        const stored = this.sent.get(segmentId)?.targets[lang]?.text ?? "";
        if (stored === entry.text) {
          this.live.delete(key);
          keys.push(key);
        }
      }
    }
    this.refreshKeys(keys, {
      checking: !(latest && reply.type === "done"),
      done: reply.done,
      total: reply.total,
      ...(reply.type === "done" ? { lastRunMs: reply.ms } : {}),
    });
    measure("qa:reply", t0);
    if (!this.warmed) this.warmUp();
  }

  /**
   * The first check on the main thread compiles the checks' code and patterns (about 150 ms, once):
   * done when the page is idle after the first run, not on the translator's first pause in typing.
   */
  private warmUp(): void {
    this.warmed = true;
    const unit: QaUnit = {
      id: "warm-up",
      source:
        "Lebih dari 2.500 delegasi (dari 65 negara) hadir di https://contoh.id pukul 10.30 WIB.",
      targets: {
        vi: {
          text: "Hơn 2.500 đại biểu (từ 65 nước) dự tại https://contoh.id lúc 10:30.",
          status: "draft",
        },
        en: {
          text: "More than 2,500 delegates from 65 countries came at 10:30 to https://contoh.id.",
          status: "draft",
        },
      },
    };
    const run = () => {
      if (this.disposed) return;
      const t0 = performance.now();
      unitFindings(this.docId, this.sourceLang, unit, new Set(this.langs), 0);
      measure("qa:warm-up", t0);
    };
    if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 0);
  }

  /** Recomputes the cells' lists for these keys (live text wins), then tells who listens. */
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
    const counts = { ...this.docCounts };
    for (const [key, entry] of this.live) {
      addCounts(counts, this.docByKey.get(key) ?? NONE, -1);
      addCounts(counts, entry.findings, 1);
    }
    this.setSnap({
      ...status,
      counts,
      version: this.snap.version + (changed.length > 0 ? 1 : 0),
    });
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
