import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileUserPattern, replaceUserPattern } from "../../../src/core/text/user-pattern.ts";
import { EMPTY_FILTER, filterRows, planReplace } from "../../../src/core/review/filter.ts";

const opts = { caseSensitive: true, wholeWord: false };

/** Patterns with catastrophic backtracking, and texts on which a backtracking engine never ends. */
const HOSTILE: [string, string][] = [
  ["(\\w+\\s?)+$", "Presiden membuka acara besar di Jakarta pada hari Senin pagi ini!"],
  ["(a+)+b", "a".repeat(60)],
  ["(.*a){20}", "a".repeat(19) + "b".repeat(2000)],
  ["^(([a-z])+.)+[A-Z]([a-z])+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"],
  ["(x+x+)+y", "x".repeat(5000)],
  ["^(\\d+|\\d+\\.)*$", "1".repeat(40) + "x"],
];

describe("user patterns on the linear-time engine", () => {
  // A backtracking engine runs for hours on each of these (2^60 paths for (a+)+b); the test's
  // own time-out fails it. Here each answers at once.
  it.each(HOSTILE)("%s finishes on its attack text (filter, find, replace)", (pattern, text) => {
    const p = compileUserPattern(pattern, true, opts);
    expect(p.test(text)).toBe(false);
    expect(p.matches(text)).toEqual([]);
    const rows = [{ source: text, targets: {}, hasOpenComments: false }];
    const query = { text: pattern, caseSensitive: false, wholeWord: true, regex: true };
    expect(filterRows(rows, { ...EMPTY_FILTER, query: { ...query, in: "source" } })).toEqual([]);
    expect(planReplace([text], query, "x")).toEqual([]);
  });

  it("the same answers as JavaScript's RegExp on ordinary patterns (filter and replace)", () => {
    const patterns = [
      "Hà Nội",
      "(\\d+)\\.(\\d{3})",
      "^Sự|mạc\\.$",
      "\\bcat\\b",
      "[\\p{Lu}][\\p{Ll}]+",
      "\\p{Script=Latin}+",
      "\\u00e9|\\u{1F600}",
      "a*",
      "(?<=Rp)\\s?\\d+",
      "(?<!\\d)\\d{2}(?:\\.\\d+)?",
      "\\s+",
      "x|",
      "(a)|(b)",
      "[^\\s,]+",
    ];
    const texts = [
      "Sự kiện ở Hà Nội, 2.500 người.",
      "cat concat cat's Rp 500 Rp12",
      "Éé 😀x\u00a0y\u2003z a aa b ba",
      "",
    ];
    for (const pattern of patterns) {
      for (const caseSensitive of [true, false]) {
        const native = new RegExp(pattern, `gu${caseSensitive ? "" : "i"}`);
        const ours = compileUserPattern(pattern, true, { caseSensitive, wholeWord: false });
        for (const text of texts) {
          native.lastIndex = 0;
          expect(ours.test(text), `${pattern} on ${text}`).toBe(native.test(text));
          native.lastIndex = 0;
          const expected = [...text.matchAll(native)].map((m) => ({
            index: m.index,
            end: m.index + m[0].length,
            groups: [...m],
          }));
          expect(ours.matches(text), `${pattern} on ${text}`).toEqual(expected);
          expect(replaceUserPattern(text, ours, (m) => `<${m.groups[0]}>`).text).toBe(
            text.replace(native, (m) => `<${m}>`),
          );
        }
      }
    }
  });

  it("whole word: JavaScript's lookaround definition, adjacent matches included", () => {
    const ww = (pattern: string, regex = false) =>
      compileUserPattern(pattern, regex, { caseSensitive: false, wholeWord: true });
    const native = (body: string) =>
      new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])(?:${body})(?![\\p{L}\\p{M}\\p{N}_])`, "giu");
    for (const [pattern, text] of [
      ["hà", "Hà Nội hà hàng"],
      ["cat", "cat cat,cat concat catalog cat"],
      ["\\d+", "12 a3 45b 6"],
    ] as const) {
      const expected = [...text.matchAll(native(pattern))].map((m) => [m.index, m[0]]);
      expect(
        ww(pattern, true)
          .matches(text)
          .map((m) => [m.index, m.groups[0]]),
      ).toEqual(expected);
    }
    expect(ww("h").test("Sự kiện ở Hà Nội.")).toBe(false);
  });

  it("plain text is literal (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (hay, needle) => {
        expect(compileUserPattern(needle, false, opts).test(hay)).toBe(hay.includes(needle));
      }),
    );
  });

  it("refuses what RE2 cannot run in linear time, with the feature; invalid is filter.badRegex", () => {
    for (const [pattern, feature] of [
      ["a(?=b)", "lookahead"],
      ["a(?!b)", "lookahead"],
      ["(a)\\1", "backreference"],
      ["(?<x>a)\\k<x>", "backreference"],
      ["(?<=(a)b)c", "group in lookbehind"],
    ]) {
      expect(() => compileUserPattern(pattern!, true, opts)).toThrow(
        expect.objectContaining({
          code: "pattern.unsupported",
          params: expect.objectContaining({ feature }),
        }),
      );
    }
    expect(() => compileUserPattern("(unclosed", true, opts)).toThrow(
      expect.objectContaining({ code: "filter.badRegex" }),
    );
  });
});
