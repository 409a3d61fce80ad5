interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  getModifierState?: (key: string) => boolean;
}

/**
 * Ctrl+Alt+1 … 9: insert glossary term n (Ctrl+1 … 9 are the memory's matches). By the key's
 * place (`Digit1`), and never with AltGr, which types characters on some layouts.
 */
export function insertTermKey(e: KeyLike): number | null {
  if (!(e.ctrlKey || e.metaKey) || !e.altKey || e.shiftKey) return null;
  if (e.getModifierState?.("AltGraph")) return null;
  const digit = /^Digit([1-9])$/.exec(e.code ?? "")?.[1] ?? (/^[1-9]$/.test(e.key) ? e.key : null);
  return digit ? Number(digit) : null;
}

/** Ctrl+Shift+G: add a term from the selection (OmegaT's key). */
export function isAddTermKey(e: KeyLike): boolean {
  return (
    (e.ctrlKey || e.metaKey) &&
    e.shiftKey &&
    !e.altKey &&
    (e.code === "KeyG" || e.key === "g" || e.key === "G")
  );
}

/** The app's Undo (Ctrl+Z) and Redo (Ctrl+Y, Ctrl+Shift+Z), as the grid's cells read them. */
export function historyKey(e: KeyLike): "undo" | "redo" | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key === "z") return e.shiftKey ? "redo" : "undo";
  if (key === "y" && !e.shiftKey) return "redo";
  return null;
}

/**
 * Types `text` at the caret of a target field (replacing its selection) as the user would: one
 * input event, so the cell saves it as typed (and Ctrl+Z in the field takes it back).
 */
export function typeIntoField(field: HTMLTextAreaElement, text: string): void {
  field.focus();
  const start = field.selectionStart;
  const end = field.selectionEnd;
  const before = field.value.slice(0, start);
  const space = before !== "" && !/\s$/.test(before) ? " " : "";
  if (typeof document.execCommand === "function") {
    try {
      if (document.execCommand("insertText", false, space + text)) return;
    } catch {
      // jsdom: not implemented; set the value below.
    }
  }
  const value = before + space + text + field.value.slice(end);
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
  setter?.call(field, value);
  const caret = start + space.length + text.length;
  field.setSelectionRange(caret, caret);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}
