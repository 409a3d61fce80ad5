import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { diffTokens, wordDiff } from "../../../src/core/text/word-diff.ts";

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join("");

describe("wordDiff", () => {
  it("marks whole words as removed and added", () => {
    expect(wordDiff("Chủ tịch khai mạc hội nghị.", "Chủ tịch nước khai mạc hội nghị.")).toEqual([
      { kind: "same", text: "Chủ tịch " },
      { kind: "added", text: "nước " },
      { kind: "same", text: "khai mạc hội nghị." },
    ]);
    expect(wordDiff("a b", "a c")).toEqual([
      { kind: "same", text: "a " },
      { kind: "removed", text: "b" },
      { kind: "added", text: "c" },
    ]);
  });

  it("keeps Vietnamese words with combining marks whole", () => {
    expect(diffTokens("Việt Nam")).toEqual(["Việt", " ", "Nam"]);
    expect(diffTokens("Vie\u0323\u0302t")).toEqual(["Vie\u0323\u0302t"]);
  });

  it("same+removed rebuilds before, same+added rebuilds after (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const parts = wordDiff(a, b);
        expect(join(parts.filter((p) => p.kind !== "added"))).toBe(a);
        expect(join(parts.filter((p) => p.kind !== "removed"))).toBe(b);
      }),
    );
  });
});
