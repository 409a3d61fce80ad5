/** The translation memory's keys, listed in the shortcut sheet (MateCat's and OmegaT's habits). */
export const TM_SHORTCUTS = [
  { id: "insert", keys: ["Ctrl+1", "…", "Ctrl+9"] },
  { id: "concordance", keys: ["Alt+K"] },
  { id: "glossaryInsert", keys: ["Ctrl+Alt+1", "…", "Ctrl+Alt+9"] },
  { id: "addTerm", keys: ["Ctrl+Shift+G"] },
] as const;

interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The match number (1 … 9) a key press inserts, or null. */
export function insertMatchKey(e: KeyLike): number | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  const digit = /^Digit([1-9])$/.exec(e.code ?? "")?.[1] ?? (/^[1-9]$/.test(e.key) ? e.key : null);
  return digit ? Number(digit) : null;
}

/** Alt+K (by the key's place too: Option+K types "˚" on a Mac). */
export function isConcordanceKey(e: KeyLike): boolean {
  return (
    e.altKey &&
    !e.ctrlKey &&
    !e.metaKey &&
    !e.shiftKey &&
    (e.code === "KeyK" || e.key === "k" || e.key === "K")
  );
}
