import type { SelarasDb } from "../../db/database.ts";
import {
  JOURNAL_KEY,
  isStorageFull,
  replayDurableJournal,
  replayJournal,
  toErrorInfo,
  type Autosave,
  type JournalStorage,
} from "../../db/autosave.ts";
import { syncCorpus, type CorpusFile } from "../../db/corpus-sync.ts";
import { spaceGuardOf } from "../../db/space-guard.ts";
import type { TabJournal } from "./tab-journal.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";

export interface StartResult {
  /**
   * The storage refused a write at start (storage full): the app opens all the same, everything
   * stored readable, exportable and deletable; what the journal held stays in it, shown in its
   * cells and saved by the autosave once there is space; a first-start corpus import waits.
   */
  storageFull: ErrorInfo | null;
}

/**
 * Opens the database, stores what a closed tab left in the edit journal, and syncs the corpus.
 *
 * A full storage does not stop the start (issue 14 item 1): opening needs no space, and the two
 * writes that do (journal replay, corpus import) are left for later. `autosave` takes over the
 * journal's edits that could not be stored.
 */
export async function startApp(
  db: SelarasDb,
  corpus: readonly CorpusFile[],
  journal: JournalStorage | null,
  autosave?: Autosave,
  /** This tab's journal key and the journals to replay (closed tabs'); default: one shared key. */
  tab: TabJournal = { key: JOURNAL_KEY, replay: [JOURNAL_KEY], live: [] },
): Promise<StartResult> {
  autosave?.useJournalKey(tab.key);
  let storageFull: ErrorInfo | null = null;
  // Before opening: on a full disk the guard gives its reserve back, so that IndexedDB can open,
  // and the database then refuses writes that add data (the journal and corpus wait).
  const guard = spaceGuardOf(db);
  if (guard && !(await guard.check(true))) {
    storageFull = { code: "storage.quota", params: {} };
    autosave?.noteStorageFull();
  }
  await db.open();
  if (journal) {
    try {
      for (const key of tab.replay) await replayJournal(db, journal, key);
      // What a killed browser left in IndexedDB (written at each keystroke; the lazier
      // localStorage may have lost it).
      // Any journal but an open tab's: a killed tab's localStorage key may be gone altogether.
      const { refused } = await replayDurableJournal(db, (journal) => !tab.live.includes(journal));
      // Edits the database refused (a text past the segment limit) open as pending, unsaved, in
      // their cells with the reason, never as a start that fails.
      const left = tab.replay.some((key) => journal.getItem(key) !== null);
      if (left) await autosave?.adoptJournal(tab.replay);
      if (refused.length > 0) await autosave?.adoptEdits(refused);
    } catch (error) {
      if (!isStorageFull(error)) throw error;
      storageFull = toErrorInfo(error);
      await autosave?.adoptJournal(tab.replay);
    }
  }
  try {
    await syncCorpus(db, corpus);
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    storageFull = toErrorInfo(error);
    autosave?.noteStorageFull();
  }
  return { storageFull };
}
