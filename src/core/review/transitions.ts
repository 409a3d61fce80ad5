import type { Status } from "../model/status.ts";
import type { Role } from "../model/profile.ts";

/** What a person can do to a target's status (text edits are separate: they always give Draft). */
export const STATUS_ACTIONS = ["confirm", "approve", "reject", "reopen"] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

const RESULT: Record<StatusAction, Status> = {
  confirm: "translated",
  approve: "approved",
  reject: "rejected",
  reopen: "draft",
};

/**
 * The status after `action`, or null when the action is not allowed:
 * - confirm (translator or reviewer): a non-empty Draft or Rejected target becomes Translated;
 * - approve / reject (reviewer only): any non-empty target that is not already in that state;
 * - reopen (reviewer only): Approved or Rejected back to Draft.
 * Empty targets cannot be confirmed, approved or rejected.
 */
export function statusAfter(
  action: StatusAction,
  current: Status,
  role: Role,
  hasText: boolean,
): Status | null {
  if (!hasText) return null;
  switch (action) {
    case "confirm":
      return current === "draft" || current === "rejected" ? RESULT.confirm : null;
    case "approve":
      return role === "reviewer" && current !== "approved" ? RESULT.approve : null;
    case "reject":
      return role === "reviewer" && current !== "rejected" ? RESULT.reject : null;
    case "reopen":
      return role === "reviewer" && (current === "approved" || current === "rejected")
        ? RESULT.reopen
        : null;
  }
}

/** Statuses that wait for a reviewer. */
export function awaitsReview(status: Status): boolean {
  return status === "translated";
}
