import type { SelarasDb } from "../../db/database.ts";
import { TmIndex } from "../../core/tm/tm-index.ts";
import type { TmMatch, TmUnit } from "../../core/tm/types.ts";
import {
  memoryUnitId,
  readDocumentTmUnits,
  readMemoryTmUnits,
  readMemoryTmUnitsById,
  rowUnitId,
} from "../../db/queries/tm-units.ts";
import { onTableChanges, type TableChange } from "../../db/queries/tm-changes.ts";

/** The focused row as the matches panel asks about it. */
export interface TmLookup {
  /** The row itself is left out of its own matches. */
  segmentId?: string;
  source: string;
  sourceLang: string;
  prev?: string;
  next?: string;
  /** Lowest score shown (default 50) and how many (default 9: Ctrl+1 … Ctrl+9). */
  threshold?: number;
  limit?: number;
}

/** One occurrence list of a concordance search: the unit and where the phrase is in it. */
export interface ConcordanceHit {
  unit: TmUnit;
  /** The fields holding the phrase: "source" or a target language. */
  fields: string[];
}

export interface ConcordanceResult {
  hits: ConcordanceHit[];
  /** Every unit holding the phrase (more than `hits` when the list was cut). */
  total: number;
}

export interface TmStatus {
  size: number;
  /** How long the last full build took (ms). */
  buildMs: number;
}

/** Case folding for concordance: NFC, lower case (length-preserving for id/vi/en text). */
export function foldText(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

interface Held {
  unit: TmUnit;
  lang: string;
  folded: Record<string, string>;
}

const DEBOUNCE_MS = 120;

/**
 * The translation memory the matches panel looks up: the project memory and every document's
 * targets, in one `TmIndex` per source language (core/tm). Built from IndexedDB, then kept up to
 * date from Dexie's change events (local writes, other tabs, the main thread when it runs in a
 * worker): a changed document is read again, changed memory units are read by id; a bulk change
 * Dexie reports as a range reloads that whole part.
 */
export class TmEngine {
  private readonly indexes = new Map<string, TmIndex>();
  private readonly held = new Map<string, Held>();
  private readonly docUnits = new Map<string, string[]>();
  private readonly segDoc = new Map<string, string>();
  private readonly cellDoc = new Map<string, string>();
  private memoryIds = new Set<string>();
  private dirtyDocs = new Set<string>();
  private dirtyMemory = new Set<number>();
  private allDocs = false;
  private allMemory = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private work: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private readonly listeners = new Set<() => void>();
  readonly ready: Promise<void>;
  status: TmStatus = { size: 0, buildMs: 0 };

  constructor(private readonly db: SelarasDb) {
    this.unsubscribe = onTableChanges(db, (changes) => this.noteChanges(changes));
    this.ready = this.enqueue(() => this.buildAll());
  }

  dispose(): void {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  /** Called after each update of the index (the panel asks again about the focused row). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.work = this.work.then(task, task);
    return this.work;
  }

  private index(lang: string): TmIndex {
    let index = this.indexes.get(lang);
    if (!index) {
      index = new TmIndex(lang);
      this.indexes.set(lang, index);
    }
    return index;
  }

  private addUnit(unit: TmUnit, lang: string): void {
    this.removeUnit(unit.id);
    this.index(lang).add(unit);
    const folded: Record<string, string> = { source: foldText(unit.source) };
    for (const [l, text] of Object.entries(unit.targets)) folded[l] = foldText(text);
    this.held.set(unit.id, { unit, lang, folded });
  }

  private removeUnit(id: string): void {
    const h = this.held.get(id);
    if (!h) return;
    this.indexes.get(h.lang)?.remove(id);
    this.held.delete(id);
  }

  private async buildAll(): Promise<void> {
    const started = performance.now();
    await this.loadMemory();
    await this.loadAllDocuments();
    this.status = { size: this.held.size, buildMs: Math.round(performance.now() - started) };
  }

  private async loadMemory(): Promise<void> {
    for (const id of this.memoryIds) this.removeUnit(id);
    const units = await readMemoryTmUnits(this.db);
    this.memoryIds = new Set(units.map((u) => u.unit.id));
    for (const { unit, sourceLang } of units) this.addUnit(unit, sourceLang);
  }

  private async loadAllDocuments(): Promise<void> {
    const docs = await this.db.documents.toArray();
    const live = new Set(docs.map((d) => d.id));
    for (const docId of [...this.docUnits.keys()]) if (!live.has(docId)) this.dropDocument(docId);
    for (const doc of docs) await this.loadDocument(doc.id);
  }

  private dropDocument(docId: string): void {
    for (const id of this.docUnits.get(docId) ?? []) this.removeUnit(id);
    this.docUnits.delete(docId);
  }

  private async loadDocument(docId: string): Promise<void> {
    const doc = await this.db.documents.get(docId);
    this.dropDocument(docId);
    if (!doc) return;
    const [units, segIds, cellIds] = await Promise.all([
      readDocumentTmUnits(this.db, docId, doc),
      this.db.segments.where("docId").equals(docId).primaryKeys(),
      this.db.translations.where("docId").equals(docId).primaryKeys(),
    ]);
    for (const s of segIds) this.segDoc.set(String(s), docId);
    for (const c of cellIds) this.cellDoc.set(String(c), docId);
    for (const unit of units) this.addUnit(unit, doc.sourceLang);
    this.docUnits.set(
      docId,
      units.map((u) => u.id),
    );
  }

  private noteChanges(changes: readonly TableChange[]): void {
    let any = false;
    for (const { table, keys } of changes) {
      if (table === "*") {
        this.allDocs = this.allMemory = any = true;
      } else if (table === "memory") {
        if (keys === null) this.allMemory = true;
        else for (const k of keys) this.dirtyMemory.add(Number(k));
        any = true;
      } else if (table === "translations" || table === "segments" || table === "documents") {
        if (keys === null) this.allDocs = true;
        else {
          for (const k of keys) {
            const key = String(k);
            const known =
              table === "documents"
                ? key
                : table === "segments"
                  ? this.segDoc.get(key)
                  : this.cellDoc.get(key);
            // A record not seen yet: its document is found when the change is read.
            this.dirtyDocs.add(known ?? `?${table}:${key}`);
          }
        }
        any = true;
      }
    }
    if (!any) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.applyChanges());
    }, DEBOUNCE_MS);
  }

  private async applyChanges(): Promise<void> {
    const allDocs = this.allDocs;
    const allMemory = this.allMemory;
    const docs = this.dirtyDocs;
    const memory = this.dirtyMemory;
    this.allDocs = this.allMemory = false;
    this.dirtyDocs = new Set();
    this.dirtyMemory = new Set();
    if (allMemory) await this.loadMemory();
    else if (memory.size > 0) {
      const ids = [...memory];
      const found = await readMemoryTmUnitsById(this.db, ids);
      for (const id of ids) {
        this.removeUnit(memoryUnitId(id));
        this.memoryIds.delete(memoryUnitId(id));
      }
      for (const { unit, sourceLang } of found) {
        this.addUnit(unit, sourceLang);
        this.memoryIds.add(unit.id);
      }
    }
    if (allDocs) await this.loadAllDocuments();
    else if (docs.size > 0) {
      const ids = new Set<string>();
      for (const d of docs) {
        if (!d.startsWith("?")) {
          ids.add(d);
          continue;
        }
        const [table, key] = [d.slice(1, d.indexOf(":")), d.slice(d.indexOf(":") + 1)];
        const rec =
          table === "segments"
            ? await this.db.segments.get(key)
            : await this.db.translations.get(key);
        if (rec) ids.add(rec.docId);
      }
      for (const docId of ids) await this.loadDocument(docId);
    }
    this.status = { ...this.status, size: this.held.size };
    for (const l of this.listeners) l();
  }

  /** Best matches for a row, best first; the same source and translations are shown once. */
  match(lookup: TmLookup): TmMatch[] {
    const index = this.indexes.get(lookup.sourceLang);
    if (!index) return [];
    const limit = lookup.limit ?? 9;
    const self = lookup.segmentId ? rowUnitId(lookup.segmentId) : null;
    const found = index.match(
      {
        source: lookup.source,
        ...(lookup.prev !== undefined ? { prev: lookup.prev } : {}),
        ...(lookup.next !== undefined ? { next: lookup.next } : {}),
      },
      { threshold: lookup.threshold ?? 50, limit: limit * 3 + 1 },
    );
    const seen = new Set<string>();
    const out: TmMatch[] = [];
    for (const m of found) {
      if (m.unit.id === self) continue;
      const key = `${m.unit.source.normalize("NFC")}\u0000${JSON.stringify(m.unit.targets)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(m);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Every unit holding the phrase (case folded) in its source or a translation, memory first then
   * documents in the order they were read; at most `limit` listed.
   */
  concordance(phrase: string, limit = 50): ConcordanceResult {
    const needle = foldText(phrase.trim());
    if (needle === "") return { hits: [], total: 0 };
    const hits: ConcordanceHit[] = [];
    let total = 0;
    for (const h of this.held.values()) {
      const fields = Object.keys(h.folded).filter((f) => h.folded[f]!.includes(needle));
      if (fields.length === 0) continue;
      total++;
      if (hits.length < limit) hits.push({ unit: h.unit, fields });
    }
    return { hits, total };
  }
}
