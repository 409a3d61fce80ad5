import { isTargetLang, type TargetLang } from "../../core/model/languages.ts";

/**
 * Where the reader was in a document (issue 13 item 17): the focused cell and the first row in
 * view, kept per document on this device (localStorage), so a reload reopens the document there.
 */
export interface GridPosition {
  /** The cell that had focus last. */
  segmentId: string | null;
  lang: TargetLang | null;
  /** The first row in view. */
  top: string | null;
}

const PREFIX = "selaras:grid-position:";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadGridPosition(docId: string): GridPosition | null {
  try {
    const raw = storage()?.getItem(PREFIX + docId);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<GridPosition>;
    return {
      segmentId: typeof value.segmentId === "string" ? value.segmentId : null,
      lang: typeof value.lang === "string" && isTargetLang(value.lang) ? value.lang : null,
      top: typeof value.top === "string" ? value.top : null,
    };
  } catch {
    return null;
  }
}

export function saveGridPosition(docId: string, patch: Partial<GridPosition>): void {
  const next = {
    ...(loadGridPosition(docId) ?? { segmentId: null, lang: null, top: null }),
    ...patch,
  };
  try {
    storage()?.setItem(PREFIX + docId, JSON.stringify(next));
  } catch {
    // Storage full or denied: the position is a convenience, the document opens at row 1.
  }
}
