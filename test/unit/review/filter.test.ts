import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  EMPTY_FILTER,
  filterRows,
  planReplace,
  queryRegExp,
  type FilterRow,
  type TextQuery,
} from "../../../src/core/review/filter.ts";
import { countWords } from "../../../src/core/text/word-count.ts";

const q = (text: string, opts: Partial<TextQuery> = {}): TextQuery => ({
  text,
  caseSensitive: false,
  wholeWord: false,
  regex: false,
  ...opts,
});

const rows: FilterRow[] = [
  {
    source: "Presiden membuka acara.",
    targets: { vi: { text: "Chủ tịch khai mạc.", status: "translated", changedAt: "2026-01-02" } },
    hasOpenComments: false,
  },
  {
    source: "Acara di Hanoi.",
    targets: {
      vi: { text: "Sự kiện ở Hà Nội.", status: "approved", changedAt: "2026-01-05" },
      en: { text: "Event in Hanoi.", status: "draft", changedAt: "2026-01-01" },
    },
    hasOpenComments: true,
  },
  { source: "Foto: VNA", targets: {}, hasOpenComments: false },
];

describe("filterRows", () => {
  it("no filter keeps every row", () => {
    expect(filterRows(rows, EMPTY_FILTER)).toEqual([0, 1, 2]);
  });

  it("status per language (a missing target counts as empty), open comments, changed since", () => {
    expect(filterRows(rows, { ...EMPTY_FILTER, status: { vi: ["translated"] } })).toEqual([0]);
    expect(filterRows(rows, { ...EMPTY_FILTER, status: { en: ["empty"] } })).toEqual([0, 2]);
    expect(
      filterRows(rows, { ...EMPTY_FILTER, status: { vi: ["approved"], en: ["draft"] } }),
    ).toEqual([1]);
    expect(filterRows(rows, { ...EMPTY_FILTER, openComments: true })).toEqual([1]);
    expect(filterRows(rows, { ...EMPTY_FILTER, changedSince: "2026-01-02" })).toEqual([0, 1]);
  });

  it("text: case-insensitive by default, case-sensitive, whole word with Unicode letters, regex", () => {
    expect(filterRows(rows, { ...EMPTY_FILTER, query: { ...q("acara"), in: "source" } })).toEqual([
      0, 1,
    ]);
    expect(
      filterRows(rows, {
        ...EMPTY_FILTER,
        query: { ...q("acara", { caseSensitive: true }), in: "source" },
      }),
    ).toEqual([0]);
    expect(
      filterRows(rows, { ...EMPTY_FILTER, query: { ...q("hà", { wholeWord: true }), in: "vi" } }),
    ).toEqual([1]);
    expect(
      filterRows(rows, { ...EMPTY_FILTER, query: { ...q("h", { wholeWord: true }), in: "vi" } }),
    ).toEqual([]);
    expect(
      filterRows(rows, {
        ...EMPTY_FILTER,
        query: { ...q("^Sự|mạc\\.$", { regex: true }), in: "vi" },
      }),
    ).toEqual([0, 1]);
  });

  it("a broken regular expression is a coded error, not a crash", () => {
    expect(() => queryRegExp(q("(unclosed", { regex: true }))).toThrow(
      expect.objectContaining({ code: "filter.badRegex" }),
    );
  });

  it("plain queries never act as regular expressions (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (hay, needle) => {
        const re = queryRegExp(q(needle, { caseSensitive: true }));
        expect(re.test(hay)).toBe(hay.includes(needle));
      }),
    );
  });
});

describe("planReplace", () => {
  it("previews each changed text with its count; regex groups work", () => {
    expect(planReplace(["Hà Nội, Hà Nội", "Huế"], q("hà nội"), "Thủ đô")).toEqual([
      { row: 0, before: "Hà Nội, Hà Nội", after: "Thủ đô, Thủ đô", count: 2 },
    ]);
    expect(planReplace(["2.500 người"], q("(\\d+)\\.(\\d{3})", { regex: true }), "$1$2")).toEqual([
      { row: 0, before: "2.500 người", after: "2500 người", count: 1 },
    ]);
    expect(planReplace(["a$b"], q("$"), "$1")).toEqual([
      { row: 0, before: "a$b", after: "a$1b", count: 1 },
    ]);
  });
});

describe("countWords", () => {
  it("counts words with diacritics, numbers with separators and hyphenated words as one", () => {
    expect(countWords("Lebih dari 2.500 delegasi dari 119 negara-negara.")).toBe(7);
    expect(countWords("Chủ tịch nước Lương Cường")).toBe(5);
    expect(countWords("  ")).toBe(0);
    expect(
      countWords(
        'The \uE000<bpt i="1">&lt;b&gt;</bpt>\uE001big\uE000<ept i="1">&lt;/b&gt;</ept>\uE001 cat',
      ),
    ).toBe(3);
  });
});

describe("countWords (property)", () => {
  it("agrees with the regular-expression definition on any text", () => {
    const reference = (t: string) =>
      t.match(/[\p{L}\p{M}\p{N}]+(?:['’\-.,][\p{L}\p{M}\p{N}]+)*/gu)?.length ?? 0;
    const text = fc.string({
      unit: fc.constantFrom(
        "a",
        "Ư",
        "ệ",
        "5",
        " ",
        ".",
        ",",
        "-",
        "'",
        "’",
        "😀",
        "\u0301",
        "\n",
        "!",
      ),
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(countWords(t)).toBe(reference(t));
      }),
      { numRuns: 500 },
    );
  });
});
