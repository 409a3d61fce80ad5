/** Invariants of the segmenter on arbitrary input (fast-check). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { segmentParagraph } from "../../../src/core/segment/segment.ts";
import { LANGS } from "../../../src/core/model/languages.ts";
import type { SegmentationRules } from "../../../src/core/segment/rules.ts";
import { BUILTIN_RULES } from "../../../src/core/segment/builtin/builtin-rules.ts";
import { compileRules } from "../../../src/core/segment/engine.ts";

/** Text built from the pieces that drive the rules, so the interesting paths are hit often. */
const pieces = fc.constantFrom(
  ".",
  "!",
  "?",
  "…",
  "...",
  "?!",
  ",",
  ";",
  ":",
  " ",
  "  ",
  "\u00a0",
  "\n",
  "(",
  ")",
  '"',
  "“",
  "”",
  "'",
  "’",
  "-",
  "—",
  "Jl.",
  "dll.",
  "S.H.",
  "U.S.",
  "B.J.",
  "No.",
  "Dr.",
  "a.",
  "1.",
  "2.500",
  "Ia",
  "Ông",
  "The",
  "Presiden",
  "kata",
  "abc",
  "Ánh",
  "x",
  "A",
  "b",
  "9",
  "www.",
  "@",
  "://",
  "TP.",
  "PGS.TS.",
  "Tabel 2.",
  "e.g.",
  "(0)",
  "dkk.",
  "a)",
  // pieces of the rules added after the fresh held-out sets
  "dr.",
  "Grup",
  "Sementara",
  "WIB",
  "2024",
  "(Purn.)",
  "Rina",
  "berbisik",
  "Pertemuan",
  "p.m.",
  "Foto:",
  "X.",
  "Approx.",
  "183.",
);
const textLike = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(""));
const anyText = fc.oneof(
  textLike,
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
);
const lang = fc.constantFrom(...LANGS);

describe("segmentParagraph properties", () => {
  it("is lossless: sentences are trimmed, in order, and only whitespace lies between them", () => {
    fc.assert(
      fc.property(anyText, lang, (text, l) => {
        const sentences = segmentParagraph(text, l);
        let at = 0;
        for (const sentence of sentences) {
          expect(sentence).not.toBe("");
          expect(sentence).toBe(sentence.trim());
          const found = text.indexOf(sentence, at);
          expect(found).toBeGreaterThanOrEqual(at);
          expect(text.slice(at, found).trim()).toBe("");
          at = found + sentence.length;
        }
        expect(text.slice(at).trim()).toBe("");
        expect(sentences.join(" ").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
      }),
      { numRuns: 2000 },
    );
  });

  it("is idempotent: each sentence segments to itself", () => {
    fc.assert(
      fc.property(anyText, lang, (text, l) => {
        for (const sentence of segmentParagraph(text, l)) {
          expect(segmentParagraph(sentence, l)).toEqual([sentence]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws and returns nothing for blank input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), lang, (text, l) => {
        const sentences = segmentParagraph(text, l);
        if (text.trim() === "") expect(sentences).toEqual([]);
      }),
    );
  });
});

describe("segmentParagraph running time", () => {
  const n = 100_000;
  it.each([
    ["a run of spaces", ". ".padEnd(n, " ") + "A."],
    ["a run of dots", "a" + ".".repeat(n) + " B."],
    ["a run of closing brackets", "S.H" + ")".repeat(n) + " A."],
    ["a run of opening brackets", "dll. " + "(".repeat(n) + " A."],
    ["a run of quotes", "dll." + '"'.repeat(n) + " A."],
    ["a long lower-case word", "x " + "a".repeat(n) + ".Bc"],
    ["many short sentences", "Ia datang ke Jl. Merdeka No. 5. ".repeat(n / 30)],
    ["a long URL", "https://" + "a/".repeat(n / 2) + ".Bc"],
    ["glued breaks in one token", "https://x" + ")Ab".repeat(n / 3)],
    ["many initials", "A. ".repeat(n / 3)],
    ["stops and quotes", '." '.repeat(n / 3)],
  ])("is near-linear on a 100 000-character paragraph: %s", (_name, text) => {
    const start = performance.now();
    for (const lang of LANGS) segmentParagraph(text, lang);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe("engine guards", () => {
  it("the character-triggered scan of the built-in rules equals the full regex scan", () => {
    // A structural copy carries no trigger declarations, so it is scanned by regex at every position.
    const copy: SegmentationRules = structuredClone(BUILTIN_RULES);
    expect(compileRules(BUILTIN_RULES, "id").triggers).not.toBeNull();
    expect(compileRules(copy, "id").triggers).toBeNull();
    fc.assert(
      fc.property(anyText, lang, (text, l) => {
        expect(segmentParagraph(text, l)).toEqual(segmentParagraph(text, l, { rules: copy }));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps SRX semantics for afterBreak patterns that may start without white space", () => {
    const rules = (afterBreak: string): SegmentationRules => ({
      cascade: false,
      languageRules: [{ name: "R", rules: [{ break: true, beforeBreak: "\\.", afterBreak }] }],
      maps: [{ languagePattern: ".*", ruleName: "R" }],
    });
    const seg = (afterBreak: string) =>
      segmentParagraph("a.b. c", "id", { rules: rules(afterBreak) });
    expect(seg("\\s*\\p{L}")).toEqual(["a.", "b.", "c"]);
    expect(seg("\\s?\\p{L}")).toEqual(["a.", "b.", "c"]);
    expect(seg("\\s{0,2}\\p{L}")).toEqual(["a.", "b.", "c"]);
    expect(seg("\\s+|b")).toEqual(["a.", "b.", "c"]);
    expect(seg("\\s+\\p{L}")).toEqual(["a.b.", "c"]);
    expect(seg("\\s(?:x|c)")).toEqual(["a.b.", "c"]);
  });
});
