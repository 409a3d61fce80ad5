import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import type { TargetLang } from "../../core/model/languages.ts";
import type { QaSnapshot, QaStore, ShownFinding } from "./qa-store.ts";

/** The document's QA store, for the cells of the grid (absent: no markers, as in other views). */
export const QaContext = createContext<QaStore | null>(null);

const NONE: readonly ShownFinding[] = [];
const noop = () => () => undefined;

/** One cell's findings; the cell re-renders only when they change. */
export function useCellFindings(segmentId: string, lang: TargetLang): readonly ShownFinding[] {
  const store = useContext(QaContext);
  const subscribe = useCallback(
    (listener: () => void) => store?.subscribeCell(segmentId, lang, listener) ?? (() => undefined),
    [store, segmentId, lang],
  );
  return useSyncExternalStore(store ? subscribe : noop, () => store?.cell(segmentId, lang) ?? NONE);
}

const EMPTY: QaSnapshot = {
  counts: { error: 0, warning: 0, info: 0 },
  dismissed: 0,
  showDismissed: false,
  checking: false,
  done: 0,
  total: 0,
  lastRunMs: null,
  version: 0,
};

/** The document's findings and the state of the run (nothing while there is no store yet). */
export function useQaSnapshot(store: QaStore | null): QaSnapshot {
  const subscribe = useCallback(
    (listener: () => void) => store?.subscribe(listener) ?? (() => undefined),
    [store],
  );
  return useSyncExternalStore(subscribe, () => store?.snapshot() ?? EMPTY);
}

/** The store of the page, for a cell that reports its typed text. */
export function useQaStore(): QaStore | null {
  return useContext(QaContext);
}
