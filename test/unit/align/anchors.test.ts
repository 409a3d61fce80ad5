import { describe, expect, it } from "vitest";
import { alignSentences } from "../../../src/core/align/align-sentences.ts";
import { formatBead } from "../../../src/core/align/beads.ts";
import type { AlignOptions } from "../../../src/core/align/types.ts";

/** Filler of short words (no anchors of their own) padded to about n non-space characters. */
function pad(anchor: string, n: number, filler: string): string {
  const words = anchor === "" ? [] : [anchor];
  let k = 0;
  const fill = filler.split(" ");
  while (words.join("").length < n) words.push(fill[k++ % fill.length] ?? "x");
  return `${words.join(" ")}.`;
}
const id = (anchor: string, n: number): string => pad(anchor, n, "ini ada itu dan di ke");
const vi = (anchor: string, n: number): string => pad(anchor, n, "và là của có ở cho");

/** Four plain 1-1 sentence pairs before and after the case, as any real text has around it. */
const CONTEXT = 4;
const around = (side: (a: string, n: number) => string, middle: string[]): string[] => [
  ...[51, 52, 53, 54].map((k) => side(String(k), 50 + k)),
  ...middle,
  ...[61, 62, 63, 64].map((k) => side(String(k), k)),
];

/** Aligns the case with context and returns the links of the case only, renumbered from 0. */
function beads(source: string[], target: string[], options: Partial<AlignOptions> = {}): string[] {
  const shift = (ids: number[]): number[] => ids.map((i) => i - CONTEXT);
  const para = (p: readonly number[] | undefined): number[] | undefined =>
    p && [
      ...Array<number>(CONTEXT).fill(p[0] ?? 0),
      ...p,
      ...Array<number>(CONTEXT).fill(p.at(-1) ?? 0),
    ];
  const plan = alignSentences(around(id, source), around(vi, target), {
    sourceLang: "id",
    targetLang: "vi",
    ...options,
    sourceParagraphs: para(options.sourceParagraphs),
    targetParagraphs: para(options.targetParagraphs),
  });
  const inside = (i: number, n: number): boolean => i >= CONTEXT && i < CONTEXT + n;
  return plan.links
    .filter(
      (l) =>
        l.source.some((i) => inside(i, source.length)) ||
        l.target.some((i) => inside(i, target.length)),
    )
    .map((l) => formatBead({ source: shift(l.source), target: shift(l.target) }));
}

/**
 * Source A B C, target A' C': the target dropped B, and C' is a little longer than C, as long as B,
 * so that by length alone C' looks like B. Only the anchor shared by C and C' tells the truth.
 */
function droppedMiddle(anchorB: string, anchorC: string, anchorCTarget: string) {
  return {
    source: [id("", 60), id(anchorB, 66), id(anchorC, 56)],
    target: [vi("", 60), vi(anchorCTarget, 66)],
  };
}
const TRUTH = ["[0]:[0]", "[1]:[]", "[2]:[1]"];

describe("anchors decide where length alone is misled", () => {
  it("length alone picks the wrong sentence (the premise of the cases below)", () => {
    const { source, target } = droppedMiddle("", "", "");
    expect(beads(source, target)).not.toEqual(TRUTH);
  });

  const cases: Array<[string, string, string, string, Partial<AlignOptions>?]> = [
    ["numbers with locale separators (id/en)", "17", "2.500", "2,500", { targetLang: "en" }],
    ["numbers with locale separators (id/vi)", "17", "2.500", "2.500"],
    ["decimal numbers", "17", "3,5", "3,5"],
    ["percentages", "40 kali", "40%", "40 phần trăm"],
    ["dates (month names)", "12 Maret", "12 Oktober", "12 October", { targetLang: "en" }],
    ["dates (numeric)", "12 Maret", "12 Oktober", "ngày 12/10"],
    ["URLs", "", "https://example.org/hanoi", "https://example.org/hanoi"],
    ["e-mail addresses", "", "info@example.org", "info@example.org"],
    ["names", "Jakarta", "Guterres", "Guterres"],
    ["names with diacritics", "Jakarta", "Hanoi", "Hà Nội"],
    ["question marks", "", "apa?", "gì?"],
  ];
  for (const [name, b, c, ct, options] of cases) {
    it(`recovers the link by ${name}`, () => {
      const { source, target } = droppedMiddle(b, c, ct);
      if (name === "question marks") {
        source[2] = `${source[2]?.slice(0, -1)} apa?`;
        target[1] = `${target[1]?.slice(0, -1)} không?`;
      }
      expect(beads(source, target, options)).toEqual(TRUTH);
      expect(beads(source, target, { ...options, tuning: { lexicalWeight: 0 } })).not.toEqual(
        TRUTH,
      );
    });
  }

  it("recovers the link by a glossary pair, and not without it", () => {
    const { source, target } = droppedMiddle("", "kejahatan siber", "tội phạm mạng");
    const glossary = [{ source: "kejahatan siber", target: "tội phạm mạng" }];
    expect(beads(source, target, { glossary })).toEqual(TRUTH);
    expect(beads(source, target)).not.toEqual(TRUTH);
  });

  it("uses paragraph boundaries as soft anchors", () => {
    const { source, target } = droppedMiddle("", "", "");
    const paragraphs = { sourceParagraphs: [0, 0, 1], targetParagraphs: [0, 1] };
    expect(beads(source, target, paragraphs)).toEqual(TRUTH);
  });

  it("lets strong evidence override a paragraph boundary (soft, not hard)", () => {
    const source = [id("1111", 60), id("2222", 60), id("3333", 60)];
    const target = [vi("1111", 60), vi("2222", 60), vi("3333", 60)];
    const paragraphs = { sourceParagraphs: [0, 0, 1], targetParagraphs: [0, 1, 1] };
    expect(beads(source, target, paragraphs)).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]"]);
  });
});

describe("every link type is recovered", () => {
  const L = 70;
  const cases: Array<[string, string[], string[], string[]]> = [
    ["1-1", [id("11", L), id("12", L)], [vi("11", L), vi("12", L)], ["[0]:[0]", "[1]:[1]"]],
    [
      "1-0",
      [id("11", L), id("Jakarta 99", L), id("12", L)],
      [vi("11", L), vi("12", L)],
      ["[0]:[0]", "[1]:[]", "[2]:[1]"],
    ],
    [
      "0-1",
      [id("11", L), id("12", L)],
      [vi("11", L), vi("Bandung 98", L), vi("12", L)],
      ["[0]:[0]", "[]:[1]", "[1]:[2]"],
    ],
    [
      "2-1",
      [id("11", L), id("21", 40), id("22", 40), id("12", L)],
      [vi("11", L), vi("21 22", 80), vi("12", L)],
      ["[0]:[0]", "[1, 2]:[1]", "[3]:[2]"],
    ],
    [
      "1-2",
      [id("11", L), id("21 22", 80), id("12", L)],
      [vi("11", L), vi("21", 40), vi("22", 40), vi("12", L)],
      ["[0]:[0]", "[1]:[1, 2]", "[2]:[3]"],
    ],
    [
      "2-2",
      [id("11", L), id("21 22", 80), id("23", 20), id("12", L)],
      [vi("11", L), vi("21", 20), vi("22 23", 80), vi("12", L)],
      ["[0]:[0]", "[1, 2]:[1, 2]", "[3]:[3]"],
    ],
    [
      "1-3",
      [id("11", L), id("31 32 33", 120), id("12", L)],
      [vi("11", L), vi("31", 40), vi("32", 40), vi("33", 40), vi("12", L)],
      ["[0]:[0]", "[1]:[1, 2, 3]", "[2]:[4]"],
    ],
    [
      "3-1",
      [id("11", L), id("31", 40), id("32", 40), id("33", 40), id("12", L)],
      [vi("11", L), vi("31 32 33", 120), vi("12", L)],
      ["[0]:[0]", "[1, 2, 3]:[1]", "[4]:[2]"],
    ],
  ];
  for (const [name, source, target, expected] of cases) {
    it(name, () => {
      expect(beads(source, target)).toEqual(expected);
    });
  }
});
