import type { SelarasDb } from "../../db/database.ts";
import { replayJournal } from "../../db/autosave.ts";
import { syncCorpus, type CorpusFile } from "../../db/corpus-sync.ts";

/** Opens the database, stores what a closed tab left in the edit journal, and syncs the corpus. */
export async function startApp(
  db: SelarasDb,
  corpus: readonly CorpusFile[],
  journal: Storage | null,
): Promise<void> {
  await db.open();
  if (journal) await replayJournal(db, journal);
  await syncCorpus(db, corpus);
}
