import { useMemo, useSyncExternalStore } from "react";
import { useDb } from "../../db/db-context.ts";
import { glossaryWatch } from "../../db/queries/glossary-live.ts";
import type { Glossary } from "../../core/glossary/model.ts";

/**
 * The project glossary for the QA checks (forbidden and unused terms): a new object only when the
 * glossary changes (the QA run compiles it once per object), null when it is empty, undefined
 * until read.
 */
export function useQaGlossary(): Glossary | null | undefined {
  const db = useDb();
  const watch = useMemo(() => glossaryWatch(db), [db]);
  const concepts = useSyncExternalStore(watch.subscribe, watch.current);
  return useMemo(
    () => (concepts === undefined ? undefined : concepts.length === 0 ? null : { concepts }),
    [concepts],
  );
}
