import { useLiveQuery } from "dexie-react-hooks";
import { useDb } from "./db-context.ts";
import { dismissalsOf } from "./operations/qa-dismissals.ts";
import { getQaSettings } from "./operations/qa-settings.ts";

/** The document's dismissed QA findings, live. */
export function useQaDismissals(docId: string) {
  const db = useDb();
  return useLiveQuery(() => dismissalsOf(db, docId), [db, docId]);
}

/** The project's QA settings, live. */
export function useQaSettings() {
  const db = useDb();
  return useLiveQuery(() => getQaSettings(db), [db]);
}
