import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BUILTIN_RULES } from "../../../src/core/segment/builtin/builtin-rules.ts";
import { effectiveRules, NO_CUSTOM_SEGMENTATION } from "../../../src/core/segment/custom-rules.ts";
import { nextStop, proposeSplit, splitStops } from "../../../src/core/segment/split-point.ts";

const head = (text: string, lang: "id" | "vi" | "en" = "id", rules = BUILTIN_RULES) => {
  const p = proposeSplit(text, lang, rules);
  return p && { before: text.slice(0, p.offset), kind: p.kind };
};

describe("proposeSplit (issue 13 item 11)", () => {
  it("proposes a real sentence boundary of the document's rules, at the start of the next sentence", () => {
    expect(head("Kantor di Jl. Sudirman dibuka. Semua hadir.")).toEqual({
      before: "Kantor di Jl. Sudirman dibuka. ",
      kind: "sentence",
    });
    expect(head("Satu dua. Tiga empat")).toEqual({ before: "Satu dua. ", kind: "sentence" });
  });

  it("never inside an abbreviation: Jl. Sudirman stays together, also as the middle word", () => {
    // The old dialog split after the first ". " it saw: "Jl. | Sudirman".
    const text = "Rapat di Jl. Sudirman dimulai";
    const p = head(text);
    expect(p?.kind).toBe("middle");
    expect(p?.before).not.toMatch(/Jl\. $/u);
    expect(p?.before).toBe("Rapat di ");
  });

  it("uses the project's abbreviations: with Ruko. added there is no sentence boundary", () => {
    const text = "Rapat di Ruko. Sukamaju dimulai pukul 10.30 WIB";
    expect(head(text)?.kind).toBe("sentence");
    const rules = effectiveRules({ ...NO_CUSTOM_SEGMENTATION, abbreviations: { id: ["Ruko."] } });
    const p = head(text, "id", rules);
    expect(p?.kind).toBe("middle");
    expect(p?.before).not.toMatch(/Ruko\. $/u);
  });

  it("without a boundary: the word boundary nearest the middle", () => {
    expect(head("satu dua tiga empat")).toEqual({ before: "satu dua ", kind: "middle" });
    expect(head("Semua hadir, lalu pulang.")).toEqual({ before: "Semua hadir, ", kind: "middle" });
    expect(head("Satu")).toBeNull();
  });

  it("never inside an inline code", () => {
    const code = '\uE000<ph x="1"/>\uE001';
    const text = `A b c ${code}d e f g`;
    const p = proposeSplit(text, "en", BUILTIN_RULES)!;
    const from = text.indexOf(code);
    expect(p.offset <= from || p.offset >= from + code.length).toBe(true);
    expect(splitStops(text, "en").chars.some((s) => s > from && s < from + code.length)).toBe(
      false,
    );
  });

  it("property: the proposal is a word start with text on both sides", () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,6}[.,]?$/u);
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 12 }), (words) => {
        const text = words.join(" ");
        const p = proposeSplit(text, "id", BUILTIN_RULES);
        expect(p).not.toBeNull();
        expect(text.slice(0, p!.offset).trim()).not.toBe("");
        expect(text.slice(p!.offset).trim()).not.toBe("");
        expect(text[p!.offset - 1]).toBe(" ");
        expect(splitStops(text, "id").words).toContain(p!.offset);
      }),
    );
  });
});

describe("split stops", () => {
  it("moves by grapheme and by word", () => {
    const text = "Việt Nam mở";
    const stops = splitStops(text.normalize("NFD"), "vi");
    // A letter with its combining marks is one step.
    expect(nextStop(stops.chars, 0, 1)).toBe(1);
    expect(nextStop(stops.chars, 2, 1)).toBe("Vie\u0323\u0302".length);
    const words = splitStops(text, "vi").words;
    expect(nextStop(words, 0, 1)).toBe("Việt ".length);
    expect(nextStop(words, "Việt ".length, 1)).toBe("Việt Nam ".length);
    expect(nextStop(words, "Việt Nam ".length, -1)).toBe("Việt ".length);
    expect(nextStop(words, 0, -1)).toBe(0);
  });
});
