import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  codeTokens,
  fromDisplay,
  storedOffset,
  toDisplay,
} from "../../../../src/core/format/tmx/inline-display.ts";

const B = '\uE000<bpt i="1">&lt;b&gt;</bpt>\uE001';
const EB = '\uE000<ept i="1">&lt;/b&gt;</ept>\uE001';
const IMG = "\uE000<ph>&lt;img/&gt;</ph>\uE001";
const SOURCE = `The ${B}big${EB} cat ${IMG}.`;

describe("inline codes as tokens in a text field", () => {
  it("numbers the source's codes in order and shows them as ⟦n⟧", () => {
    const tokens = codeTokens(SOURCE, "");
    expect(tokens).toEqual([B, EB, IMG]);
    expect(toDisplay(`Con mèo ${B}lớn${EB} ${IMG}.`, tokens)).toBe("Con mèo ⟦1⟧lớn⟦2⟧ ⟦3⟧.");
    expect(toDisplay("Không có mã.", tokens)).toBe("Không có mã.");
  });

  it("maps an edited display back; typing a token inserts its code; broken tokens are refused", () => {
    const tokens = codeTokens(SOURCE, "");
    expect(fromDisplay("⟦3⟧ mèo ⟦1⟧lớn⟦2⟧", tokens)).toBe(`${IMG} mèo ${B}lớn${EB}`);
    expect(fromDisplay("mèo ⟦1⟧lớn⟦2", tokens)).toBeNull();
    expect(fromDisplay("mèo ⟦9⟧", tokens)).toBeNull();
    expect(fromDisplay("mèo 1⟧", tokens)).toBeNull();
    expect(fromDisplay("mèo [1]", [])).toBe("mèo [1]");
  });

  it("a code only the target has gets the next number", () => {
    const extra = '\uE000<ph x="9">&lt;br/&gt;</ph>\uE001';
    const tokens = codeTokens(SOURCE, `a${extra}b${B}`);
    expect(tokens).toEqual([B, EB, IMG, extra]);
    expect(toDisplay(`a${extra}b${B}`, tokens)).toBe("a⟦4⟧b⟦1⟧");
  });

  it("caret offsets in the display map to offsets in the stored text", () => {
    const tokens = codeTokens(SOURCE, "");
    const stored = `Con ${B}mèo${EB}.`;
    const display = toDisplay(stored, tokens);
    const caret = display.indexOf("mèo") + 3;
    expect(stored.slice(0, storedOffset(display, caret, tokens))).toBe(`Con ${B}mèo`);
  });

  it("round-trips any arrangement of the source's codes and text without brackets (property)", () => {
    const tokens = codeTokens(SOURCE, "");
    const piece = fc.oneof(
      fc.constantFrom(B, EB, IMG),
      fc.string({ unit: "grapheme" }).filter((t) => !/[⟦⟧\uE000\uE001]/u.test(t)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const stored = pieces.join("");
        expect(fromDisplay(toDisplay(stored, tokens), tokens)).toBe(stored);
      }),
    );
  });
});
