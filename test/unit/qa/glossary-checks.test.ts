import { describe, expect, it } from "vitest";
import {
  checkForbiddenTerms,
  checkTermsUsed,
  compileQaGlossary,
} from "../../../src/core/qa/glossary-checks.ts";
import { runQa } from "../../../src/core/qa/run-qa.ts";
import type { Glossary } from "../../../src/core/glossary/model.ts";
import type { CellInput } from "../../../src/core/qa/types.ts";

const glossary: Glossary = {
  concepts: [
    {
      id: "k1",
      terms: [
        { lang: "id", text: "tanda tangan" },
        { lang: "vi", text: "chữ ký", status: "preferred" },
        { lang: "vi", text: "chữ kí", status: "forbidden" },
        { lang: "en", text: "signature" },
      ],
    },
    {
      id: "k2",
      terms: [
        { lang: "id", text: "anggaran" },
        { lang: "vi", text: "ngân sách" },
        { lang: "en", text: "budget", variants: ["budgetary"] },
      ],
    },
    {
      id: "k3",
      terms: [
        { lang: "id", text: "oknum" },
        { lang: "en", text: "individual", status: "forbidden" },
      ],
    },
  ],
};
const context = { glossary: compileQaGlossary(glossary, "id") };
const cell = (source: string, target: string, lang: "vi" | "en"): CellInput => ({
  source,
  target,
  sourceLang: "id",
  lang,
});

describe("forbidden glossary terms", () => {
  it("reports a forbidden target term with what to use, and where it is", () => {
    const input = cell("Ada tanda tangan.", "Có chữ kí.", "vi");
    expect(checkForbiddenTerms(input, context)).toEqual([
      {
        check: "forbidden-terms",
        code: "term.forbidden",
        severity: "error",
        params: { term: "chữ kí", use: "chữ ký" },
        range: { start: 3, end: 9 },
      },
    ]);
  });

  it("a forbidden term with no allowed one in its language is named alone; case-folded", () => {
    const found = checkForbiddenTerms(cell("Oknum itu.", "That Individual.", "en"), context);
    expect(found.map((f) => [f.code, f.params])).toEqual([
      ["term.forbidden-plain", { term: "Individual" }],
    ]);
  });

  it("the allowed term, other words and no glossary find nothing", () => {
    expect(checkForbiddenTerms(cell("Ada tanda tangan.", "Có chữ ký.", "vi"), context)).toEqual([]);
    expect(checkForbiddenTerms(cell("x", "Có chữ kí.", "vi"), {})).toEqual([]);
  });
});

describe("glossary terms not used", () => {
  it("a source term (inflected) whose translation is missing is reported on the source", () => {
    const found = checkTermsUsed(
      cell("Mereka membahas anggarannya.", "Họ thảo luận kế hoạch chi tiêu.", "vi"),
      context,
    );
    expect(found).toEqual([
      {
        check: "glossary-terms",
        code: "term.missing",
        severity: "warning",
        params: { term: "anggarannya", expected: "ngân sách" },
        sourceRange: { start: 16, end: 27 },
      },
    ]);
  });

  it("used as written, as a variant, or inflected in English: nothing", () => {
    expect(checkTermsUsed(cell("Anggaran naik.", "Ngân sách tăng.", "vi"), context)).toEqual([]);
    expect(checkTermsUsed(cell("Anggaran naik.", "Budgetary rises.", "en"), context)).toEqual([]);
    expect(checkTermsUsed(cell("Dua anggaran.", "Two budgets.", "en"), context)).toEqual([]);
    expect(checkTermsUsed(cell("Ada tanda tangan.", "Signatures.", "en"), context)).toEqual([]);
  });

  it("the forbidden form does not count as used; a concept with only forbidden terms asks nothing", () => {
    const found = checkTermsUsed(cell("Ada tanda tangan.", "Có chữ kí.", "vi"), context);
    expect(found.map((f) => f.params)).toEqual([{ term: "tanda tangan", expected: "chữ ký" }]);
    expect(checkTermsUsed(cell("Oknum itu.", "That person.", "en"), context)).toEqual([]);
    // No vi term for k3 at all.
    expect(checkTermsUsed(cell("Oknum itu.", "Người đó.", "vi"), context)).toEqual([]);
  });

  it("runQa feeds the glossary to both checks; without one they find nothing", () => {
    const doc = {
      id: "d",
      title: "",
      sourceLang: "id" as const,
      segments: [
        {
          id: "s1",
          paragraph: 0,
          source: "Anggaran dan tanda tangan.",
          targets: { vi: { text: "Ngân sách và chữ kí.", status: "draft" as const } },
        },
      ],
    };
    const codes = (g?: Glossary) =>
      runQa([doc], {
        checks: ["forbidden-terms", "glossary-terms"],
        ...(g ? { glossary: g } : {}),
      }).map((f) => f.finding.code);
    expect(codes(glossary)).toEqual(["term.forbidden", "term.missing"]);
    expect(codes()).toEqual([]);
  });
});
