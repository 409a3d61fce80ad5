import { describe, expect, it } from "vitest";
import { authorizeMutation } from "../../../src/core/sync/authorize.ts";
import { cell, mutation, patch, reviewer, serverState } from "./fixtures.ts";

/**
 * A reviewer typing into a row far below a column's end (or inside a gap) creates, resizes or
 * removes gaps (uncovered rows, issue 13 item 16): not a change of any link, so allowed; a cell
 * turned into a gap is still structure.
 */
describe("a reviewer and gaps", () => {
  const gap = cell({ id: "g1", span: 40, text: "", status: "empty", gap: true });
  const state = () => serverState([["translations", gap]], [["translations", "g2"]]);
  const check = (m: ReturnType<typeof mutation>) => authorizeMutation(reviewer, m, state());

  it("may split a gap around the cell typed into", () => {
    const typed = cell({ id: "s1:vi", span: 1, text: "chào", status: "draft" });
    const rest = cell({ id: "g2", span: 30, text: "", status: "empty", gap: true });
    const m = mutation([
      patch("translations", gap, { ...gap, span: 9 }),
      patch("translations", null, typed),
      patch("translations", null, rest),
    ]);
    expect(check(m)).toBeNull();
    expect(check(mutation([patch("translations", gap, null)]))).toBeNull();
  });

  it("may not move a cell's rows by turning it into a gap", () => {
    const base = cell();
    const turned = mutation([patch("translations", base, { ...base, span: 3, gap: true })]);
    expect(authorizeMutation(reviewer, turned, serverState([["translations", base]]))?.code).toBe(
      "sync.forbidden_structure",
    );
  });
});
