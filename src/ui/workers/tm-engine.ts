import type { SelarasDb } from "../../db/database.ts";
import { TmIndex } from "../../core/tm/tm-index.ts";
import type { TmMatch, TmUnit } from "../../core/tm/types.ts";
import {
  documentTmUnits,
  memoryUnitId,
  readDocumentTmState,
  readMemoryTmUnits,
  readMemoryTmUnitsById,
  rowUnitId,
  type DocumentTmState,
} from "../../db/queries/tm-units.ts";
import { rowView } from "../../core/align-edit/row-view.ts";
import { findPhrase, preparePhrase, type PhraseSpan } from "../../core/tm/concordance.ts";
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
  /** Searched with Indonesian word forms: where the phrase stands in the source (NFC offsets). */
  sourceSpans?: PhraseSpan[];
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
 * worker): changed cells and memory units are read by key (a save in a 10,020-row document reads
 * one cell, not the document: a whole-document read on each save held up the page's next save
 * behind it), a document whose rows changed is read again, and a bulk change Dexie reports as a
 * range reloads that whole part.
 */
export class TmEngine {
  private readonly indexes = new Map<string, TmIndex>();
  private readonly held = new Map<string, Held>();
  private readonly docUnits = new Map<string, string[]>();
  private readonly segDoc = new Map<string, string>();
  private readonly cellDoc = new Map<string, string>();
  private memoryIds = new Set<string>();
  private dirtyDocs = new Set<string>();
  /** Per document held in memory: its record, rows and cells (to follow saves by key). */
  private readonly docState = new Map<string, DocumentTmState>();
  /** Cells and document records changed since the last update, by document. */
  private dirtyCells = new Map<string, Set<string>>();
  private dirtyRecords = new Set<string>();
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
    this.docState.delete(docId);
  }

  private async loadDocument(docId: string): Promise<void> {
    const doc = await this.db.documents.get(docId);
    this.dropDocument(docId);
    this.docState.delete(docId);
    if (!doc) return;
    const state = await readDocumentTmState(this.db, docId, doc);
    if (!state) return;
    for (const s of state.segments) this.segDoc.set(s.id, docId);
    for (const c of state.cells.keys()) this.cellDoc.set(c, docId);
    for (const unit of state.units) this.addUnit(unit, doc.sourceLang);
    this.docUnits.set(
      docId,
      state.units.map((u) => u.id),
    );
    this.docState.set(docId, state);
  }

  /**
   * Changed document records: a new title or source language reads the document again (`reload`);
   * a save's new `updatedAt` changes nothing here.
   */
  private async followRecords(records: ReadonlySet<string>, reload: Set<string>): Promise<void> {
    for (const docId of records) {
      const state = this.docState.get(docId);
      const doc = await this.db.documents.get(docId);
      if (!state || !doc || doc.title !== state.record.title) reload.add(docId);
      else if (doc.sourceLang !== state.record.sourceLang) reload.add(docId);
      else state.record = doc;
    }
  }

  /**
   * Changed cells, read by key and laid over the document's rows held in memory; only the units
   * that differ are put in the index again. Documents not held (or a cell of an unknown document
   * whose document is not held) go to `reload`.
   */
  private async followCells(
    changed: ReadonlyMap<string, ReadonlySet<string>>,
    reload: Set<string>,
  ): Promise<void> {
    const byDoc = new Map<string, Set<string>>();
    for (const [docId, keys] of changed)
      for (const k of keys) {
        const set = byDoc.get(docId) ?? new Set<string>();
        set.add(k);
        byDoc.set(docId, set);
      }
    const unknown = byDoc.get("?");
    byDoc.delete("?");
    if (unknown) {
      const found = await this.db.translations.bulkGet([...unknown]);
      for (const rec of found) {
        if (!rec) continue;
        const set = byDoc.get(rec.docId) ?? new Set<string>();
        set.add(rec.id);
        byDoc.set(rec.docId, set);
      }
    }
    for (const [docId, keys] of byDoc) {
      const state = this.docState.get(docId);
      if (!state || reload.has(docId)) {
        reload.add(docId);
        continue;
      }
      const wanted = [...keys];
      const found = await this.db.translations.bulkGet(wanted);
      wanted.forEach((key, k) => {
        const rec = found[k];
        if (rec && rec.docId === docId) {
          state.cells.set(key, rec);
          this.cellDoc.set(key, docId);
        } else {
          state.cells.delete(key);
          this.cellDoc.delete(key);
        }
      });
      const view = rowView(
        state.segments.map((s) => s.id),
        [...state.cells.values()],
      );
      const units = documentTmUnits(state.record, state.segments, view);
      const next = new Set(units.map((u) => u.id));
      for (const id of this.docUnits.get(docId) ?? []) if (!next.has(id)) this.removeUnit(id);
      for (const unit of units) {
        const held = this.held.get(unit.id);
        if (!held || JSON.stringify(held.unit) !== JSON.stringify(unit)) {
          this.addUnit(unit, state.record.sourceLang);
        }
      }
      this.docUnits.set(docId, [...next]);
      state.units = units;
    }
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
            if (table === "documents") {
              this.dirtyRecords.add(key);
              continue;
            }
            const known = table === "segments" ? this.segDoc.get(key) : this.cellDoc.get(key);
            if (table === "translations") {
              // Cells are read by key; one not seen yet is looked up then.
              const doc = known ?? "?";
              const cells = this.dirtyCells.get(doc) ?? new Set<string>();
              cells.add(key);
              this.dirtyCells.set(doc, cells);
              continue;
            }
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
    const cells = this.dirtyCells;
    const records = this.dirtyRecords;
    this.allDocs = this.allMemory = false;
    this.dirtyDocs = new Set();
    this.dirtyMemory = new Set();
    this.dirtyCells = new Map();
    this.dirtyRecords = new Set();
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
    else if (docs.size > 0 || cells.size > 0 || records.size > 0) {
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
      await this.followRecords(records, ids);
      await this.followCells(cells, ids);
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
  concordance(phrase: string, limit = 50, options: { stems?: boolean } = {}): ConcordanceResult {
    const needle = foldText(phrase.trim());
    if (needle === "") return { hits: [], total: 0 };
    // Word forms: an Indonesian source matches by whole words in any form of their bases (a
    // substring cannot: "tandatangan" is not in "menandatangani"); a cheap substring probe first.
    const forms = options.stems ? preparePhrase(phrase, { stems: true }) : null;
    const hits: ConcordanceHit[] = [];
    let total = 0;
    for (const h of this.held.values()) {
      let sourceSpans: PhraseSpan[] | undefined;
      const fields = Object.keys(h.folded).filter((f) => {
        const text = h.folded[f]!;
        if (text.includes(needle)) return true;
        if (!forms || f !== "source" || h.lang !== "id") return false;
        if (!forms.probes.some((probe) => text.includes(probe))) return false;
        sourceSpans = findPhrase(h.unit.source, forms);
        return sourceSpans.length > 0;
      });
      if (fields.length === 0) continue;
      total++;
      if (hits.length >= limit) continue;
      if (forms && h.lang === "id" && fields.includes("source"))
        sourceSpans ??= findPhrase(h.unit.source, forms);
      hits.push({ unit: h.unit, fields, ...(sourceSpans?.length ? { sourceSpans } : {}) });
    }
    return { hits, total };
  }
}
