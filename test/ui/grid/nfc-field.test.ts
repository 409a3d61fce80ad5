import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nfcWithCaret } from "../../../src/ui/shared/nfc-field.ts";

/** Letters and Vietnamese combining marks, so decomposed sequences are frequent. */
const piece = fc.constantFrom(
  "a",
  "e",
  "o",
  "u",
  "y",
  "đ",
  " ",
  "x",
  "\u0300",
  "\u0301",
  "\u0302",
  "\u0303",
  "\u0309",
  "\u0323",
  "\u031b",
  "\u0306",
);
const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(""));

describe("nfcWithCaret", () => {
  it("returns NFC with the caret in range, and keeps text already in NFC as it is", () => {
    fc.assert(
      fc.property(text, fc.nat(40), (s, at) => {
        const caret = Math.min(at, s.length);
        const out = nfcWithCaret(s, caret);
        expect(out.text).toBe(s.normalize("NFC"));
        expect(out.caret).toBeGreaterThanOrEqual(0);
        expect(out.caret).toBeLessThanOrEqual(out.text.length);
        if (s === s.normalize("NFC")) expect(out).toEqual({ text: s, caret });
      }),
    );
  });

  it("puts the caret between the same two pieces of text when the caret sits before a letter", () => {
    fc.assert(
      fc.property(text, fc.constantFrom("a", "x", " ", "đ"), text, (before, letter, after) => {
        const s = before + letter + after;
        const out = nfcWithCaret(s, before.length);
        // What precedes the caret is the NFC of what preceded it.
        expect(out.text.slice(0, out.caret)).toBe(before.normalize("NFC"));
      }),
    );
  });

  it("the caret typed after a decomposed letter lands after the composed one", () => {
    // a t i e ̂ ́ n g b: the caret after the two marks, then after "ng".
    expect(nfcWithCaret("atie\u0302\u0301ngb", 6)).toEqual({ text: "atiếngb", caret: 4 });
    expect(nfcWithCaret("atie\u0302\u0301ngb", 8)).toEqual({ text: "atiếngb", caret: 6 });
  });
});
