import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detachText } from "../../../../src/core/format/xml/detach-text.ts";

describe("detachText", () => {
  it("gives back the same text, whatever its length or first character", () => {
    const chunk = "😀 Tổng mới phố người hà thành &amp; nội".repeat(20);
    for (let end = 0; end < 40; end++)
      expect(detachText(chunk.slice(0, end))).toBe(chunk.slice(0, end));
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => detachText(s) === s));
  });
});
