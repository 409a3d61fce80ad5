import type { Lang, TargetLang } from "../../core/model/languages.ts";
import { translationId } from "../../core/model/records.ts";
import type { PlacedFinding } from "../../core/qa/run-qa.ts";
import type { Severity } from "../../core/qa/types.ts";
import type { QaDismissalRecord } from "../../core/qa/dismissals.ts";
import { applySettings, DEFAULT_QA_SETTINGS, type QaSettings } from "../../core/qa/settings.ts";
import type { Glossary } from "../../core/glossary/model.ts";
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

/** A finding as the page shows it: with its dismissal when a person dismissed it. */
export interface ShownFinding extends PlacedFinding {
  dismissal?: QaDismissalRecord;
}

export interface QaSnapshot {
  /** Findings per severity (typed cells with their live text), dismissed ones left out. */
  counts: Readonly<Record<Severity, number>>;
  /** Dismissed findings (still found on the same text). */
  dismissed: number;
  /** Whether dismissed findings are listed and marked (as dismissed). */
  showDismissed: boolean;
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

const NONE: readonly ShownFinding[] = Object.freeze([]);
type Listener = () => void;
const ZERO: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

const sameFindings = (a: readonly ShownFinding[], b: readonly ShownFinding[]) =>
  a.length === b.length &&
  a.every(
    (f, i) =>
      f.fingerprint === b[i]!.fingerprint &&
      f.dismissal?.id === b[i]!.dismissal?.id &&
      f.dismissal?.reason === b[i]!.dismissal?.reason &&
      f.row === b[i]!.row &&
      f.finding.severity === b[i]!.finding.severity &&
      f.finding.params === b[i]!.finding.params,
  );

function addCounts(
  counts: Record<Severity, number>,
  list: readonly ShownFinding[],
  sign: 1 | -1,
): number {
  let dismissed = 0;
  for (const f of list) {
    if (f.dismissal) dismissed += sign;
    else counts[f.finding.severity] += sign;
  }
  return dismissed;
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
  private result: Pick<QaResult, "ratios" | "used"> = { ratios: {}, used: [] };
  /** Each cell's findings: its live findings while typed, else the worker's; with dismissals. */
  private byKey = new Map<string, readonly ShownFinding[]>();
  /** What each cell shows (dismissed findings only when they are shown). */
  private viewByKey = new Map<string, readonly ShownFinding[]>();
  private counts: Record<Severity, number> = { ...ZERO };
  private dismissedCount = 0;
  /** Dismissals per cell key, by fingerprint. */
  private dismissals = new Map<string, Map<string, QaDismissalRecord>>();
  private showDismissed = false;
  private settings: QaSettings = DEFAULT_QA_SETTINGS;
  private settingsKey = JSON.stringify(DEFAULT_QA_SETTINGS);
  /** The project glossary (glossary checks), and whether the worker has the current one. */
  private glossary: Glossary | null = null;
  private glossarySent = true;
  private live = new Map<string, { text: string; findings: PlacedFinding[] }>();
  private cellListeners = new Map<string, Set<Listener>>();
  private listeners = new Set<Listener>();
  private snap: QaSnapshot = {
    counts: ZERO,
    dismissed: 0,
    showDismissed: false,
    checking: false,
    done: 0,
    total: 0,
    lastRunMs: null,
    version: 0,
  };
  private list: { version: number; findings: readonly ShownFinding[] } | null = null;
  private listed: { version: number; findings: readonly ShownFinding[] } | null = null;
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
    const findings = applySettings(
      [
        ...unitFindings(this.docId, this.sourceLang, typed, used, row, this.glossary),
        ...lengthFindings(this.docId, this.sourceLang, typed, lang, this.result.ratios[lang], row),
      ].filter((f) => f.lang === lang),
      this.settings,
    );
    sortFindings(findings, this.langs);
    this.live.set(key, { text, findings });
    this.refreshKeys([key]);
    measure("qa:live", t0);
  }

  /**
   * The findings a cell shows (the same array while they do not change): dismissed ones only while
   * dismissed findings are shown, then with their dismissal.
   */
  cell(segmentId: string, lang: TargetLang): readonly ShownFinding[] {
    return this.viewByKey.get(translationId(segmentId, lang)) ?? NONE;
  }

  /**
   * The errors (not dismissed) of a cell with this text, checked now if it was not yet (a confirm
   * right after typing comes before the typed text's pause).
   */
  errorsFor(segmentId: string, lang: TargetLang, text: string): readonly ShownFinding[] {
    // Rows not compared yet (a document just opened): compared now, so the cell is known.
    if (this.pendingUnits && !this.sent.has(segmentId)) this.flushUnits(true);
    this.setLive(segmentId, lang, text);
    const list = this.byKey.get(translationId(segmentId, lang)) ?? NONE;
    return list.filter((f) => f.finding.severity === "error" && !f.dismissal);
  }

  /** The document's dismissals (from the database); the cells they touch are marked again. */
  setDismissals(records: readonly QaDismissalRecord[]): void {
    const next = new Map<string, Map<string, QaDismissalRecord>>();
    for (const d of records) {
      const key = translationId(d.segmentId, d.lang);
      let map = next.get(key);
      if (!map) next.set(key, (map = new Map()));
      map.set(d.fingerprint, d);
    }
    const keys = new Set([...this.dismissals.keys(), ...next.keys()]);
    this.dismissals = next;
    this.refreshKeys(keys);
  }

  /** Lists and marks dismissed findings (as dismissed), or leaves them out. */
  setShowDismissed(show: boolean): void {
    if (show === this.showDismissed) return;
    this.showDismissed = show;
    this.refreshKeys([...this.dismissals.keys()], { showDismissed: show });
  }

  /** The project's check settings (checks off, severities): the document is checked again. */
  setSettings(settings: QaSettings): void {
    const key = JSON.stringify(settings);
    if (key === this.settingsKey) return;
    this.settings = settings;
    this.settingsKey = key;
    // Typed cells are checked again with their text; the worker applies them to every row.
    const typed = [...this.live.entries()];
    this.live.clear();
    for (const [key, entry] of typed) {
      const [segmentId, lang] = splitKey(key);
      this.setLive(segmentId, lang, entry.text);
    }
    if (this.order.length > 0) this.post([]);
  }

  /** The project glossary (forbidden and unused terms): the document is checked again. */
  setGlossary(glossary: Glossary | null): void {
    if (glossary === this.glossary) return;
    this.glossary = glossary;
    this.glossarySent = false;
    const typed = [...this.live.entries()];
    this.live.clear();
    for (const [key, entry] of typed) {
      const [segmentId, lang] = splitKey(key);
      this.setLive(segmentId, lang, entry.text);
    }
    if (this.order.length > 0) this.post([]);
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

  /**
   * Every finding of the document still to look at (dismissed ones left out), sorted by row,
   * column and severity (built when read): F8, the filter and the export's warning use these.
   */
  findings(): readonly ShownFinding[] {
    if (this.list?.version === this.snap.version) return this.list.findings;
    const out: ShownFinding[] = [];
    for (const list of this.byKey.values()) for (const f of list) if (!f.dismissal) out.push(f);
    sortFindings(out, this.langs);
    this.list = { version: this.snap.version, findings: out };
    return out;
  }

  /** What the QA panel lists: the findings, and the dismissed ones while they are shown. */
  listedFindings(): readonly ShownFinding[] {
    if (!this.showDismissed) return this.findings();
    if (this.listed?.version === this.snap.version) return this.listed.findings;
    const out: ShownFinding[] = [];
    for (const list of this.byKey.values()) for (const f of list) out.push(f);
    sortFindings(out, this.langs);
    this.listed = { version: this.snap.version, findings: out };
    return out;
  }

  /** The document this store checks. */
  get documentId(): string {
    return this.docId;
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
    this.post(changed);
    measure("qa:send", t0);
  }

  /** Sends the changed units (with the settings) to the worker, or checks them here. */
  private post(changed: QaUnit[]): void {
    const request: QaRequest = {
      id: this.nextId++,
      update: {
        docId: this.docId,
        sourceLang: this.sourceLang,
        order: this.order,
        changed,
        settings: this.settings,
        ...(this.glossarySent ? {} : { glossary: this.glossary }),
      },
    };
    this.glossarySent = true;
    const total = this.order.length;
    this.setSnap({ checking: true, done: 0, total });
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

  /**
   * Recomputes the cells' lists for these keys (live text wins, dismissals marked), then tells
   * who listens.
   */
  private refreshKeys(keys: Iterable<string>, status: Partial<QaSnapshot> = {}): void {
    const changed: string[] = [];
    const counts = { ...this.counts };
    let dismissedCount = this.dismissedCount;
    let listChanged = false;
    for (const key of keys) {
      const found = this.live.get(key)?.findings ?? this.docByKey.get(key) ?? NONE;
      const marks = this.dismissals.get(key);
      const next: readonly ShownFinding[] = marks
        ? found.map((f) => {
            const dismissal = marks.get(f.fingerprint);
            return dismissal ? { ...f, dismissal } : f;
          })
        : found;
      // Without dismissals in the cell (most cells), what it shows is what it has.
      const view = this.showDismissed || !marks ? next : next.filter((f) => !f.dismissal);
      const before = this.byKey.get(key) ?? NONE;
      const viewBefore = this.viewByKey.get(key) ?? NONE;
      const same = sameFindings(before, next);
      if (!same) {
        dismissedCount += addCounts(counts, before, -1);
        dismissedCount += addCounts(counts, next, 1);
        if (next.length === 0) this.byKey.delete(key);
        else this.byKey.set(key, next);
      }
      if (!same) listChanged = true;
      if (!sameFindings(viewBefore, view)) {
        if (view.length === 0) this.viewByKey.delete(key);
        else this.viewByKey.set(key, view);
        changed.push(key);
      }
    }
    this.counts = counts;
    this.dismissedCount = dismissedCount;
    this.setSnap({
      ...status,
      counts,
      dismissed: dismissedCount,
      version: this.snap.version + (listChanged || changed.length > 0 ? 1 : 0),
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
