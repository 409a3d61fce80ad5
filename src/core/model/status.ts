/**
 * Per segment and target language: Empty → Draft (edited, not confirmed) → Translated (confirmed)
 * → Approved or Rejected (by a reviewer). Editing an approved or rejected target sends it back to Draft.
 */
export const STATUSES = ["empty", "draft", "translated", "approved", "rejected"] as const;
export type Status = (typeof STATUSES)[number];

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** The status a target gets when its text is edited. */
export function statusAfterEdit(text: string): Status {
  return text.trim() === "" ? "empty" : "draft";
}

/** The status a target gets when the translator confirms it (Ctrl+Enter). */
export function statusAfterConfirm(text: string): Status {
  return text.trim() === "" ? "empty" : "translated";
}

/** Statuses that count as done for progress. */
export function isDone(status: Status): boolean {
  return status === "translated" || status === "approved";
}
