import type { SelarasDb } from "../database.ts";
import type { TranslationRecord } from "../../core/model/records.ts";
import { onTableChanges } from "./tm-changes.ts";

/** A document's cells in column order: by language, then order key (one index range). */
function columnsOf(db: SelarasDb, docId: string): Promise<TranslationRecord[]> {
  return db.translations
    .where("[docId+lang+order]")
    .between([docId, "", ""], [docId, "\uffff", "\uffff"])
    .toArray();
}

function columnOrder(a: TranslationRecord, b: TranslationRecord): number {
  if (a.lang !== b.lang) return a.lang < b.lang ? -1 : 1;
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
}

/**
 * A document's target cells kept in memory and brought up to date by what each write changed: read
 * whole once, then every committed write to `translations` (here, in another tab or a worker) is
 * followed by reading only the keys it wrote or deleted (a typing save: one or two cells), not the
 * document's 20,000 cells. A write Dexie reports as a range (a bulk write of 50 records or more, a
 * clear) reads the document again. `onCells` gets a new array after each change that touched the
 * document, in column order (language, then order key); the records in it are the stored ones
 * (unchanged cells keep their identity).
 *
 * Returns the function that stops watching.
 */
export function watchCells(
  db: SelarasDb,
  docId: string,
  onCells: (cells: readonly TranslationRecord[]) => void,
  onError: (error: unknown) => void = (error) => console.error(error),
): () => void {
  let list: TranslationRecord[] | null = null;
  /** Position of each cell in `list`. */
  let position = new Map<string, number>();
  let whole = true;
  const keys = new Set<string>();
  let running = false;
  let stopped = false;

  const readAll = async (): Promise<void> => {
    whole = false;
    keys.clear();
    const cells = await columnsOf(db, docId).catch((error: unknown) => {
      whole = true;
      throw error;
    });
    list = cells;
    position = new Map(cells.map((c, i) => [c.id, i]));
    if (!stopped) onCells(list);
  };

  const readKeys = async (): Promise<void> => {
    const wanted = [...keys];
    keys.clear();
    const found = await db.translations.bulkGet(wanted);
    if (stopped || whole || !list) return;
    let next: TranslationRecord[] | null = null;
    let moved = false;
    const added: TranslationRecord[] = [];
    wanted.forEach((key, k) => {
      const record = found[k];
      const at = position.get(key);
      const mine = record !== undefined && record.docId === docId;
      if (at !== undefined) {
        next ??= list!.slice();
        const old = next[at]!;
        if (mine && record.lang === old.lang && record.order === old.order) next[at] = record;
        else {
          // Gone, or moved in its column: taken out here, put back in order below.
          next[at] = undefined as unknown as TranslationRecord;
          moved = true;
          if (mine) added.push(record);
        }
      } else if (mine) {
        next ??= list!.slice();
        added.push(record);
      }
    });
    if (!next) return;
    let changed: TranslationRecord[] = next;
    if (moved || added.length > 0) {
      // The list stays in column order (language, then order key), so the row view's sort is a
      // check; a text edit (the common save) changes neither and keeps every position.
      changed = [...changed.filter((c) => c !== undefined), ...added].sort(columnOrder);
      position = new Map(changed.map((c, i) => [c.id, i]));
    }
    list = changed;
    onCells(list);
  };

  /** One read at a time, in the order the writes committed; whatever came meanwhile next. */
  const run = (): void => {
    if (running || stopped) return;
    running = true;
    const step = whole || !list ? readAll() : readKeys();
    step.then(
      () => {
        running = false;
        if (whole || keys.size > 0) run();
      },
      (error: unknown) => {
        // Read again at the next write, not in a loop.
        running = false;
        whole = true;
        if (!stopped) onError(error);
      },
    );
  };

  const unsubscribe = onTableChanges(db, (changes) => {
    let any = false;
    for (const change of changes) {
      if (change.table !== "translations" && change.table !== "*") continue;
      any = true;
      if (change.keys === null) whole = true;
      else for (const key of change.keys) keys.add(String(key));
    }
    if (any) run();
  });
  run();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
