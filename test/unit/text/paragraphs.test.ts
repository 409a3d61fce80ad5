import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { splitParagraphs } from "../../../src/core/text/paragraphs.ts";

describe("splitParagraphs", () => {
  it("treats LF, CRLF, CR, U+2028 and U+2029 as hard breaks", () => {
    expect(splitParagraphs("a\nb\r\nc\rd\u2028e\u2029f")).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("drops blank lines, including runs of them and whitespace-only lines", () => {
    expect(splitParagraphs("a\n\n\n\n\n\n\nb\n  \t \n\nc")).toEqual(["a", "b", "c"]);
  });

  it("trims each line and keeps inner whitespace", () => {
    expect(splitParagraphs("  a  b \n\u00a0c\t")).toEqual(["a  b", "c"]);
  });

  it("keeps the last line when the text has no final newline (seed hazard 7)", () => {
    expect(splitParagraphs("Sumber: https://x.vn/a.html\n\n\nKomentar (0)")).toEqual([
      "Sumber: https://x.vn/a.html",
      "Komentar (0)",
    ]);
  });

  it("returns nothing for empty or blank text", () => {
    expect(splitParagraphs("")).toEqual([]);
    expect(splitParagraphs("\n \r\n")).toEqual([]);
  });

  it("never yields empty, untrimmed or multi-line paragraphs, and loses no visible text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const paragraphs = splitParagraphs(text);
        for (const p of paragraphs) {
          expect(p).not.toBe("");
          expect(p).toBe(p.trim());
          expect(p).not.toMatch(/[\n\r\u2028\u2029]/);
        }
        expect(paragraphs.join("").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
      }),
    );
  });
});
