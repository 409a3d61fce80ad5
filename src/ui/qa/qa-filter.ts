/** The grid filter on QA findings: rows with an error, or rows with a warning. */
export type QaFilter = "error" | "warning";

/** The filter from the address's `qa=` value (anything else: none). */
export function qaFilterFrom(value: string | null): QaFilter | null {
  return value === "error" || value === "warning" ? value : null;
}
