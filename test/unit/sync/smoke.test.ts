import { describe, expect, it } from "vitest";
import { applyMutation } from "../../../src/core/sync/apply-mutation.ts";
import { cell, mutation, patch, reviewer, serverState, translator } from "./fixtures.ts";

describe("smoke", () => {
  it("applies, conflicts, refuses", () => {
    const b = cell();
    const a = cell({ text: "chào bạn" });
    const r1 = applyMutation({
      mutation: mutation([patch("translations", b, a)]),
      member: translator,
      current: serverState([["translations", b]]),
    });
    expect(r1.outcome.status).toBe("applied");
    expect(r1.writes[0]!.value).toEqual(a);
    const s = cell({ text: "other", changedBy: "Rina" });
    const r2 = applyMutation({
      mutation: mutation([patch("translations", b, a)]),
      member: translator,
      current: serverState([["translations", s]]),
    });
    expect(r2.outcome.status).toBe("conflict");
    expect(r2.writes[0]!.value!.competing).toMatchObject([{ text: "chào bạn", source: "sync" }]);
    const r3 = applyMutation({
      mutation: mutation([patch("translations", b, cell({ status: "approved" }))]),
      member: reviewer,
      current: serverState([["translations", s]]),
    });
    expect(r3.outcome).toMatchObject({ status: "refused", code: "sync.stale_review" });
  });
});
