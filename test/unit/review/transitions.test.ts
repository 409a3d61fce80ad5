import { describe, expect, it } from "vitest";
import { statusAfter, STATUS_ACTIONS } from "../../../src/core/review/transitions.ts";
import { STATUSES } from "../../../src/core/model/status.ts";

describe("status transitions", () => {
  it("translator: confirms Draft or Rejected text; cannot approve, reject or reopen", () => {
    expect(statusAfter("confirm", "draft", "translator", true)).toBe("translated");
    expect(statusAfter("confirm", "rejected", "translator", true)).toBe("translated");
    expect(statusAfter("confirm", "translated", "translator", true)).toBeNull();
    expect(statusAfter("confirm", "approved", "translator", true)).toBeNull();
    for (const s of STATUSES) {
      expect(statusAfter("approve", s, "translator", true)).toBeNull();
      expect(statusAfter("reject", s, "translator", true)).toBeNull();
      expect(statusAfter("reopen", s, "translator", true)).toBeNull();
    }
  });

  it("reviewer: approves or rejects any non-empty target not already so, reopens decisions", () => {
    expect(statusAfter("approve", "translated", "reviewer", true)).toBe("approved");
    expect(statusAfter("approve", "draft", "reviewer", true)).toBe("approved");
    expect(statusAfter("approve", "rejected", "reviewer", true)).toBe("approved");
    expect(statusAfter("approve", "approved", "reviewer", true)).toBeNull();
    expect(statusAfter("reject", "translated", "reviewer", true)).toBe("rejected");
    expect(statusAfter("reject", "approved", "reviewer", true)).toBe("rejected");
    expect(statusAfter("reject", "rejected", "reviewer", true)).toBeNull();
    expect(statusAfter("reopen", "approved", "reviewer", true)).toBe("draft");
    expect(statusAfter("reopen", "translated", "reviewer", true)).toBeNull();
  });

  it("nothing applies to an empty target", () => {
    for (const action of STATUS_ACTIONS) {
      for (const s of STATUSES) {
        expect(statusAfter(action, s, "reviewer", false)).toBeNull();
        expect(statusAfter(action, s, "translator", false)).toBeNull();
      }
    }
  });
});
