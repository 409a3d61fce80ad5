import Dexie from "dexie";
import type { SelarasDb } from "./database.ts";
import type { TargetLang } from "../core/model/languages.ts";
import { isTargetLang } from "../core/model/languages.ts";
import { translationId } from "../core/model/records.ts";
import { saveTranslation } from "./operations/save-translation.ts";
import { AppError, isAppError, type ErrorInfo } from "../core/model/app-error.ts";
import { nowIso } from "./ids.ts";
import { spaceError, spaceGuardOf } from "./space-guard.ts";
import type { PendingEditRecord } from "./records.ts";

/** Synchronous key/value storage for the edit journal (localStorage in the browser). */
export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PendingEdit {
  /** The row typed into. */
  segmentId: string;
  lang: TargetLang;
  /** The cell shown in the row, when it exists (saves skip looking it up). */
  cellId?: string;
  /** A cell that is not the row's own (target text with no source, shown under the row). */
  under?: boolean;
  text: string;
  user: string;
  at: string;
  /** Ctrl+Enter: store the text and confirm it (Translated), journaled like the text itself. */
  confirm?: boolean;
  /**
   * The stored texts this tab showed in the cell while the edit was typed (saveTranslation keeps a
   * text another tab wrote meanwhile as a competing version). Absent when the tab knew none.
   */
  seen?: string[];
}

export type SaveState =
  { kind: "saved" } | { kind: "saving"; pending: number } | { kind: "error"; error: ErrorInfo };

export const JOURNAL_KEY = "selaras.pendingEdits";

/** The journal key of one tab (each tab journals its own edits: two tabs never overwrite each other's). */
export function tabJournalKey(tabId: string): string {
  return `${JOURNAL_KEY}.${tabId}`;
}

/** Retries of writes the storage refused (full): the first after this, doubling up to the max. */
export const RETRY_MIN_MS = 1_000;
export const RETRY_MAX_MS = 30_000;

/** Error codes of a storage that refused a write (full, or failing), worth retrying later. */
const RETRYABLE = new Set(["storage.quota", "storage.failed"]);

/** True when the error (or its inner error) is the browser refusing a write for lack of space. */
export function isStorageFull(error: unknown): boolean {
  const e = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    inner?: { name?: unknown; message?: unknown };
  } | null;
  if (typeof e !== "object" || e === null) return false;
  // Chromium on a full disk: "UnknownError: … IO error: …: FILE_ERROR_NO_SPACE".
  const noSpace = (m: unknown) => typeof m === "string" && /NO_SPACE|No space left/i.test(m);
  // A DOMException is not an Error everywhere (jsdom): look at its name.
  return (
    e.code === "storage.quota" ||
    e.name === "QuotaExceededError" ||
    e.inner?.name === "QuotaExceededError" ||
    noSpace(e.message) ||
    noSpace(e.inner?.message)
  );
}

/** Pending edits are keyed by row and language, or by cell for a cell under a row. */
function pendingKey(edit: Pick<PendingEdit, "segmentId" | "lang" | "cellId" | "under">): string {
  return edit.under && edit.cellId
    ? `cell:${edit.cellId}`
    : translationId(edit.segmentId, edit.lang);
}

/**
 * Debounced autosave of target cells. Every keystroke is first written synchronously to a small
 * journal (so a tab closed right after typing loses nothing), then to IndexedDB after `delayMs`, or at
 * once on `flush()` (blur, navigation, pagehide, visibilitychange). A confirm (`confirm()`) takes the
 * same path, written at once. `replayJournal` stores what a previous session left in the journal.
 *
 * The state says "saved" only when nothing is pending: no debounced text, no write in flight (an
 * edit leaves the journal only once IndexedDB committed it) and no command run through `track()`.
 *
 * A write the storage refuses (full: `storage.quota`) stays pending, in the journal and in its
 * cell (`pendingText`), the state is "error" while any edit is refused, and the refused edits are
 * retried: after RETRY_MIN_MS doubling to RETRY_MAX_MS, at once after any other write to the
 * database commits (a deleted document frees space), and on `retryNow()`. Once all are stored the
 * state leaves "error" by itself (issue 14 item 1).
 */
export class Autosave {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pending = new Map<string, PendingEdit>();
  private readonly inflight = new Set<Promise<void>>();
  /** Journal-entry deletes not yet done: the state says "saved" only once they are. */
  private cleanups = 0;
  /** Journal-entry writes issued and not yet done (flush waits for them). */
  private readonly durableDone = new Set<Promise<void>>();
  /** Commands (status changes, undo …) run through `track()` and not finished yet. */
  private commands = 0;
  private readonly listeners = new Set<(state: SaveState) => void>();
  private state: SaveState = { kind: "saved" };
  /** Edits whose last write failed, with why; retried while the error is a storage one. */
  private readonly failed = new Map<string, ErrorInfo>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = RETRY_MIN_MS;
  private unwatch: (() => void) | undefined;
  /** The storage refused a write (here or at start) and nothing was stored since. */
  private full = false;
  /** Where this tab journals its pending edits (`useJournalKey`). */
  private journalKey = JOURNAL_KEY;
  /** Per cell, the stored text this tab last showed or stored (what a new edit was typed over). */
  private readonly known = new Map<string, string>();

  constructor(
    private readonly db: SelarasDb,
    private readonly journal: JournalStorage | null,
    private readonly delayMs = 50,
  ) {}

  /** Journals this tab's edits under `key` (a per-tab key, set at start before anything is typed). */
  useJournalKey(key: string): void {
    if (key === this.journalKey) return;
    const old = this.journalKey;
    this.journalKey = key;
    if (this.pending.size > 0) {
      this.writeJournal();
      try {
        this.journal?.removeItem(old);
      } catch {
        // Leaving the old key behind only means it is replayed once more (idempotent).
      }
    }
  }

  /**
   * The cell shows this stored text (nothing of it pending here): a later edit of it was typed
   * over this text. A text stored meanwhile by another tab is then kept, not overwritten unseen.
   */
  observe(segmentId: string, lang: TargetLang, text: string, underCellId?: string): void {
    const key = pendingKey({ segmentId, lang, cellId: underCellId, under: !!underCellId });
    if (!this.pending.has(key)) this.known.set(key, text.normalize("NFC"));
  }

  /** True from a write the storage refused for lack of space until a write succeeds. */
  storageFull(): boolean {
    return this.full;
  }

  /** The start found the storage full (a corpus import refused): say so until a write succeeds. */
  noteStorageFull(): void {
    this.full = true;
    this.setState(this.state);
    // Until the space guard (if any) finds room again.
    const off = spaceGuardOf(this.db)?.subscribe((low) => {
      if (low) return;
      off?.();
      if (this.unsavedCount() > 0) return;
      this.full = false;
      this.setState(this.state);
    });
  }

  /** How many edits are kept unsaved because the storage refused them. */
  unsavedCount(): number {
    return [...this.failed.values()].filter((e) => RETRYABLE.has(e.code)).length;
  }

  /**
   * Takes over the edits a previous page left in the journal that could not be stored at start
   * (`replayJournal` failed: storage full). They become pending (shown in their cells, kept in the
   * journal with whatever is typed next) and are written as soon as the storage takes them; an
   * edit the database already holds a newer change of is dropped, as `replayJournal` does.
   * Returns how many were taken over.
   */
  async adoptJournal(keys: readonly string[] = [this.journalKey]): Promise<number> {
    if (!this.journal) return 0;
    const journal = this.journal;
    const edits = keys.flatMap((k) => parseJournal(journal.getItem(k)));
    // Taken over into this tab's journal: the other keys go.
    for (const k of keys) if (k !== this.journalKey) journal.removeItem(k);
    return this.adoptEdits(edits);
  }

  /**
   * Takes over edits that could not be stored at start (see adoptJournal; also the IndexedDB
   * journal's, and edits the database refused, such as a text past the segment limit): pending,
   * shown in their cells, retried now and whenever they are typed again.
   */
  async adoptEdits(edits: readonly PendingEdit[]): Promise<number> {
    const adopted: string[] = [];
    for (const edit of edits) {
      const key = pendingKey(edit);
      if (this.pending.has(key)) continue;
      const current = await this.db.translations
        .get(edit.cellId ?? translationId(edit.segmentId, edit.lang))
        .catch(() => undefined);
      if (current && current.changedAt > edit.at) continue;
      this.pending.set(key, edit);
      adopted.push(key);
    }
    this.writeJournal();
    this.refreshState();
    await Promise.all(adopted.map((k) => this.flushKey(k)));
    return adopted.length;
  }

  /** Writes the edits the storage refused again now (the banner's "Try again"). */
  async retryNow(): Promise<void> {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await spaceGuardOf(this.db)?.check(true);
    const keys = [...this.failed.keys()].filter((k) => this.pending.has(k));
    await Promise.all(keys.map((k) => this.flushKey(k)));
  }

  /** Stops the retry timer and the watch on other writes (the app is going away). */
  dispose(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.unwatch?.();
    this.unwatch = undefined;
  }

  getState(): SaveState {
    return this.state;
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The latest unsaved text of a cell, if any (so a re-rendered cell shows what was typed). */
  pendingText(segmentId: string, lang: TargetLang, underCellId?: string): string | undefined {
    const key = pendingKey({ segmentId, lang, cellId: underCellId, under: !!underCellId });
    return this.pending.get(key)?.text;
  }

  /** What the cell showed when this edit's burst began (kept for the burst). */
  private seenFor(key: string): { seen?: string[] } {
    const burst = this.pending.get(key)?.seen;
    if (burst) return { seen: burst };
    const known = this.known.get(key);
    return known === undefined ? {} : { seen: [known] };
  }

  schedule(edit: Omit<PendingEdit, "at" | "confirm" | "seen">): void {
    const key = pendingKey(edit);
    const full: PendingEdit = {
      ...edit,
      text: edit.text.normalize("NFC"),
      at: nowIso(),
      ...this.seenFor(key),
    };
    this.pending.set(key, full);
    this.writeJournal();
    this.writeDurable(key, full);
    const old = this.timers.get(key);
    if (old !== undefined) clearTimeout(old);
    this.timers.set(
      key,
      setTimeout(() => void this.flushKey(key), this.delayMs),
    );
    this.refreshState();
  }

  /**
   * Stores the cell's text and confirms it (Ctrl+Enter), through the journal like typed text: it
   * replaces the cell's pending text, is journaled before anything else happens and written at once.
   * A reload before IndexedDB committed it replays the confirm. Resolves once stored (or failed).
   */
  confirm(edit: Omit<PendingEdit, "at" | "confirm" | "seen">): Promise<void> {
    const key = pendingKey(edit);
    this.pending.set(key, {
      ...edit,
      text: edit.text.normalize("NFC"),
      at: nowIso(),
      confirm: true,
      ...this.seenFor(key),
    });
    this.writeJournal();
    this.writeDurable(key, this.pending.get(key)!);
    this.refreshState();
    return this.flushKey(key);
  }

  /** Runs a command that writes (a status change, undo …): the state is "saving" until it settles. */
  async track<T>(task: () => Promise<T>): Promise<T> {
    this.commands++;
    this.refreshState();
    try {
      return await task();
    } finally {
      this.commands--;
      this.refreshState();
    }
  }

  /** Writes every pending edit now; resolves when all are stored (or failed). */
  async flush(): Promise<void> {
    const keys = [...this.pending.keys()];
    await Promise.all(keys.map((k) => this.flushKey(k)));
    await Promise.all([...this.inflight]);
    await Promise.all([...this.durableDone]);
  }

  private flushKey(key: string): Promise<void> {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
    const edit = this.pending.get(key);
    if (!edit) return Promise.resolve();
    const task = this.ensureRoom()
      .then(() => saveTranslation(this.db, edit))
      .then(
        () => {
          // What this tab stored is what it knows the cell holds; text typed since then was
          // typed over it too.
          this.known.set(key, edit.text);
          const next = this.pending.get(key);
          if (next && next !== edit && next.seen && !next.seen.includes(edit.text)) {
            next.seen = [...next.seen, edit.text];
          }
          let cleanup: Promise<void> | undefined;
          if (this.pending.get(key) === edit) {
            // Nothing newer typed: the durable copy goes (a newer one overwrites it instead).
            cleanup = this.removeDurable(key);
            this.pending.delete(key);
            this.failed.delete(key);
            this.writeJournal();
          }
          this.full = false;
          if (this.unsavedCount() === 0) this.stopRetrying();
          this.refreshState();
          return cleanup;
        },
        (error: unknown) => {
          const info = toErrorInfo(error);
          if (info.code === "storage.quota") this.full = true;
          if (this.pending.get(key) === edit) this.failed.set(key, info);
          this.setState({ kind: "error", error: info });
          if (RETRYABLE.has(info.code)) this.retryLater();
        },
      );
    this.inflight.add(task);
    void task.finally(() => this.inflight.delete(task));
    return task;
  }

  private durableId(key: string): string {
    return `${this.journalKey}|${key}`;
  }

  /**
   * The edit in IndexedDB at once, not after the debounce: localStorage is written to disk lazily
   * by the browser, so a browser killed right after a keystroke lost it (issue 14 item 4). Never
   * awaited; a failed write leaves the localStorage journal and the debounced save as they are.
   */
  private writeDurable(key: string, edit: PendingEdit): void {
    const record: PendingEditRecord = {
      ...edit,
      id: this.durableId(key),
      journal: this.journalKey,
    };
    void this.durableStep(() => this.db.pendingEdits.put(record));
  }

  /**
   * Deletes the cell's journal entry after its save, behind the same probe as the writes: a delete
   * also writes to disk (a tombstone), and one that ran out of disk cost the database like a put.
   * A probe without room gives up the reserve first, so the delete then finds room. The state
   * stays "saving" until it is done: "saved" means nothing more is written for the edit.
   */
  private removeDurable(key: string): Promise<void> {
    this.cleanups++;
    return this.durableStep(() => this.db.pendingEdits.delete(this.durableId(key)), true).finally(
      () => {
        this.cleanups--;
        this.refreshState();
      },
    );
  }

  /**
   * Issues one write of the cell's journal entry once the space guard found room (a write that
   * runs out of disk costs the whole database). A put without room is left out (the localStorage
   * journal and the debounced save still hold the edit); `always` issues it even so (a delete,
   * once the reserve is given up). The writes keep their order: they wait for the same shared
   * probe, and IndexedDB runs write transactions on a table in the order they were made. Resolves
   * when the write is done; never rejects.
   */
  private durableStep(write: () => Promise<unknown>, always = false): Promise<void> {
    const guard = spaceGuardOf(this.db);
    const finished = Promise.resolve(guard ? guard.checkNow() : true)
      .then((ok) => (ok || always ? write() : undefined))
      .then(
        () => undefined,
        () => undefined,
      );
    this.durableDone.add(finished);
    void finished.then(() => this.durableDone.delete(finished));
    return finished;
  }

  private writeJournal(): void {
    if (!this.journal) return;
    try {
      if (this.pending.size === 0) this.journal.removeItem(this.journalKey);
      else this.journal.setItem(this.journalKey, JSON.stringify([...this.pending.values()]));
    } catch {
      // A full localStorage must not stop the IndexedDB save; the debounced write still happens.
    }
  }

  /** Rejects (storage full) when the space guard finds no room, before anything is written. */
  private async ensureRoom(): Promise<void> {
    const guard = spaceGuardOf(this.db);
    if (guard && !(await guard.checkNow())) throw spaceError();
  }

  /** Schedules the next retry of refused edits, and retries at once when another write commits. */
  private retryLater(): void {
    this.watchWrites();
    if (this.retryTimer !== undefined) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.retryNow();
    }, delay);
  }

  private stopRetrying(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryDelay = RETRY_MIN_MS;
    this.unwatch?.();
    this.unwatch = undefined;
  }

  /**
   * While edits are refused, a write of this database that commits (here or in another tab: a
   * document deleted, the memory emptied) may have freed space: retry soon after it.
   */
  private watchWrites(): void {
    if (this.unwatch) return;
    const prefix = `idb://${this.db.name}/`;
    let soon: ReturnType<typeof setTimeout> | undefined;
    const onMutated = (parts: Record<string, unknown>) => {
      if (!Object.keys(parts).some((p) => p.startsWith(prefix))) return;
      if (soon !== undefined || this.unsavedCount() === 0) return;
      soon = setTimeout(() => {
        soon = undefined;
        void this.retryNow();
      }, 100);
    };
    Dexie.on("storagemutated", onMutated);
    // The space guard found room again (space freed on the disk).
    const offRoom = spaceGuardOf(this.db)?.subscribe((low) => {
      if (!low) onMutated({ [prefix]: true });
    });
    this.unwatch = () => {
      Dexie.on.storagemutated.unsubscribe(onMutated);
      offRoom?.();
      if (soon !== undefined) clearTimeout(soon);
    };
  }

  /**
   * "error" while an edit's last write failed (a refused one until it is stored), else "saving"
   * while anything is pending, else "saved".
   */
  private refreshState(): void {
    for (const key of this.failed.keys()) if (!this.pending.has(key)) this.failed.delete(key);
    const last = [...this.failed.values()].at(-1);
    if (last) {
      if (this.state.kind !== "error" || this.state.error !== last)
        this.setState({ kind: "error", error: last });
      return;
    }
    const pending = this.pending.size + this.commands + this.cleanups;
    if (pending > 0) this.setState({ kind: "saving", pending });
    else this.setState({ kind: "saved" });
  }

  private setState(state: SaveState): void {
    this.state = { ...state };
    for (const l of this.listeners) l(state);
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (isAppError(error)) return error.toInfo();
  if (isStorageFull(error)) return { code: "storage.quota", params: {} };
  return {
    code: "storage.failed",
    params: { detail: error instanceof Error ? error.message : String(error) },
  };
}

function parseJournal(raw: string | null): PendingEdit[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (e): e is PendingEdit =>
          typeof e === "object" &&
          e !== null &&
          typeof (e as PendingEdit).segmentId === "string" &&
          typeof (e as PendingEdit).text === "string" &&
          typeof (e as PendingEdit).user === "string" &&
          typeof (e as PendingEdit).at === "string" &&
          isTargetLang(String((e as PendingEdit).lang)),
      )
      .map((e) => {
        // A journal from an older version, or tampered with: no list of seen texts, no check.
        const seen = (e as { seen?: unknown }).seen;
        if (seen === undefined || (Array.isArray(seen) && seen.every((x) => typeof x === "string")))
          return e;
        const { seen: _dropped, ...rest } = e;
        return rest;
      });
  } catch {
    return [];
  }
}

/**
 * Stores the edits a previous page left in IndexedDB's edit journal (a browser killed before the
 * debounced save), for the tab journals `replay` picks, as `replayJournal` does; their rows go.
 * Returns how many were restored, and the edits the database refused (to adopt as pending).
 */
export async function replayDurableJournal(
  db: SelarasDb,
  replay: (journal: string) => boolean,
): Promise<{ restored: number; refused: PendingEdit[] }> {
  const rows = (await db.pendingEdits.toArray()).filter((r) => replay(r.journal));
  let restored = 0;
  const refused: PendingEdit[] = [];
  for (const row of rows) {
    const { id: _id, journal: _journal, ...edit } = row;
    const outcome = await replayEdit(db, edit);
    if (outcome === "stored") restored++;
    if (outcome === "refused") refused.push(edit);
  }
  await db.pendingEdits.bulkDelete(rows.map((r) => r.id));
  return { restored, refused };
}

/** Codes of a save the database refused for the edit's own sake (not the storage's). */
const REFUSALS = new Set(["edit.textTooLong", "history.conflict"]);

/**
 * One journaled edit stored, unless the database holds a newer change of the cell ("skipped"),
 * or refused for its own sake ("refused": kept for the user, never lost, never blocking a start).
 */
async function replayEdit(
  db: SelarasDb,
  edit: PendingEdit,
): Promise<"stored" | "skipped" | "refused"> {
  try {
    const current = await db.translations.get(
      edit.cellId ?? translationId(edit.segmentId, edit.lang),
    );
    // Strictly newer only: the same instant may be this very edit's text, stored without its
    // confirm (storing an edit again that is already stored changes nothing).
    if (current && current.changedAt > edit.at) return "skipped";
    await saveTranslation(db, { ...edit, confirm: edit.confirm === true });
    return "stored";
  } catch (error) {
    // The row, or the no-source cell the edit was for, is gone: nowhere to put it.
    const gone = ["db.segmentMissing", "align-edit.cell-missing"];
    if (error instanceof AppError && gone.includes(error.code)) return "skipped";
    if (error instanceof AppError && REFUSALS.has(error.code)) return "refused";
    throw error;
  }
}

/**
 * Stores edits a previous page left in the journal (tab closed before the debounced write), unless
 * the database already holds a newer change of that cell. Returns how many were restored; edits
 * the database refused stay in the journal (for `Autosave.adoptJournal`).
 */
export async function replayJournal(
  db: SelarasDb,
  journal: JournalStorage,
  key: string = JOURNAL_KEY,
): Promise<number> {
  const edits = parseJournal(journal.getItem(key));
  let restored = 0;
  const refused: PendingEdit[] = [];
  for (const edit of edits) {
    const outcome = await replayEdit(db, edit);
    if (outcome === "stored") restored++;
    if (outcome === "refused") refused.push(edit);
  }
  if (refused.length > 0) journal.setItem(key, JSON.stringify(refused));
  else journal.removeItem(key);
  return restored;
}
