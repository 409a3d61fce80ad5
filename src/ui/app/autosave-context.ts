import { createContext, useContext, useSyncExternalStore } from "react";
import type { Autosave, SaveState } from "../../db/autosave.ts";

export const AutosaveContext = createContext<Autosave | null>(null);

export function useAutosave(): Autosave {
  const autosave = useContext(AutosaveContext);
  if (!autosave) throw new Error("useAutosave outside <AutosaveContext.Provider>");
  return autosave;
}

export function useSaveState(): SaveState {
  const autosave = useAutosave();
  return useSyncExternalStore(
    (cb) => autosave.subscribe(cb),
    () => autosave.getState(),
  );
}
