import type { SelarasDb } from "../database.ts";
import type { TranslationRecord } from "../../core/model/records.ts";
import { cellsOf } from "./segment-rows.ts";
import { onTableChanges } from "./tm-changes.ts";

/**
 * A document's target cells kept in memory and brought up to date by what each write changed: read
 * whole once, then every committed write to `translations` (here, in another tab or a worker) is
 * followed by reading only the keys it wrote or deleted (a typing save: one or two cells), not the
 * document's 20,000 cells. A write Dexie reports as a range (a bulk write of 50 records or more, a
 * clear) reads the document again. `onCells` gets a new array after each change that touched the
 * document; the records in it are the stored ones (unchanged cells keep their identity).
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
    const cells = await cellsOf(db, docId).catch((error: unknown) => {
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
    let removed = false;
    wanted.forEach((key, k) => {
      const record = found[k];
      const at = position.get(key);
      const mine = record !== undefined && record.docId === docId;
      if (at !== undefined) {
        next ??= list!.slice();
        if (mine) next[at] = record;
        else {
          next[at] = undefined as unknown as TranslationRecord;
          removed = true;
        }
      } else if (mine) {
        next ??= list!.slice();
        position.set(key, next.length);
        next.push(record);
      }
    });
    if (!next) return;
    let changed: TranslationRecord[] = next;
    if (removed) {
      changed = changed.filter((c) => c !== undefined);
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
