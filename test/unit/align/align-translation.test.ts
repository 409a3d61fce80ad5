import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  alignTranslation,
  segmentTranslation,
  type AlignTranslationRequest,
} from "../../../src/core/align/align-translation.ts";
import type { AlignLink } from "../../../src/core/align/types.ts";
import { joinTexts } from "../../../src/core/align-edit/column.ts";
import { cellsFromAlignment } from "../../../src/core/align-edit/from-alignment.ts";
import { AppError } from "../../../src/core/model/app-error.ts";
import type { TargetLang } from "../../../src/core/model/languages.ts";
import { NO_CUSTOM_SEGMENTATION } from "../../../src/core/segment/custom-rules.ts";
import { segmentText } from "../../../src/core/segment/segment.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const name = "konvensi-hanoi-upacara-penandatanganan";
const corpus = (lang: string): string =>
  readFileSync(join(root, "corpus", lang, `${name}.txt`), "utf8");

/** The document's source rows as the app stores them: sentences with their paragraph index. */
const source = segmentText(corpus("id"), "id").flatMap((p) =>
  p.sentences.map((text) => ({ text, paragraph: p.paragraph })),
);

const request = (
  targetText: string,
  targetLang: TargetLang = "vi",
  rest: Partial<AlignTranslationRequest> = {},
): AlignTranslationRequest => ({
  source,
  sourceLang: "id",
  targetText,
  targetLang,
  segmentation: NO_CUSTOM_SEGMENTATION,
  ...rest,
});

const ctx = (lang: TargetLang) => {
  let n = 0;
  return { docId: "d", lang, user: "ed", at: "2026-01-01T00:00:00Z", newId: () => `c${n++}` };
};

describe("alignTranslation (what the align worker runs)", () => {
  for (const lang of ["vi", "en"] as const) {
    it(`aligns the shipped ${lang} translation to the gold links, ready for cellsFromAlignment`, () => {
      const progress: number[] = [];
      const result = alignTranslation(request(corpus(lang), lang), {
        onProgress: (f) => progress.push(f),
      });
      const gold = JSON.parse(
        readFileSync(join(root, "test", "fixtures", "align", `${name}.${lang}.gold.json`), "utf8"),
      ) as { links: AlignLink[] };
      expect(result.plan.links.map((l) => [l.source, l.target])).toEqual(
        gold.links.map((l) => [l.source, l.target]),
      );
      expect(result.targetSentences).toEqual(
        segmentText(corpus(lang), lang).flatMap((p) => p.sentences),
      );
      expect(result.targetParagraphs).toHaveLength(result.targetSentences.length);
      expect(progress.at(-1)).toBe(1);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));

      const cells = cellsFromAlignment(
        result.plan,
        result.targetSentences,
        source.length,
        ctx(lang),
      );
      expect(cells.reduce((n, c) => n + c.span, 0)).toBe(source.length);
      expect(joinTexts(cells.map((c) => c.text))).toBe(joinTexts(result.targetSentences));
    });
  }

  it("splits the target with the project's own abbreviations for its language", () => {
    const text = "Ông Ng. Văn A đến. Bà B về.";
    const builtin = segmentTranslation(text, "vi", NO_CUSTOM_SEGMENTATION).sentences;
    const custom = { ...NO_CUSTOM_SEGMENTATION, abbreviations: { vi: ["Ng."] } };
    expect(builtin).toEqual(["Ông Ng.", "Văn A đến.", "Bà B về."]);
    expect(segmentTranslation(text, "vi", custom).sentences).toEqual([
      "Ông Ng. Văn A đến.",
      "Bà B về.",
    ]);
    const result = alignTranslation(
      request(text, "vi", {
        source: [
          { text: "Pak Ng. Van A datang.", paragraph: 0 },
          { text: "Ibu B pulang.", paragraph: 0 },
        ],
        segmentation: custom,
      }),
    );
    expect(result.targetSentences).toEqual(["Ông Ng. Văn A đến.", "Bà B về."]);
    expect(result.plan.links.map((l) => [l.source, l.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
    ]);
  });

  it("keeps the paragraph of every target sentence and normalizes the text to NFC", () => {
    const decomposed = "Mo\u0302t. Hai.\n\nBa.";
    const result = alignTranslation(
      request(decomposed, "vi", {
        source: [
          { text: "Satu.", paragraph: 0 },
          { text: "Dua.", paragraph: 0 },
          { text: "Tiga.", paragraph: 1 },
        ],
      }),
    );
    expect(result.targetSentences).toEqual(["M\u00f4t.", "Hai.", "Ba."]);
    expect(result.targetParagraphs).toEqual([0, 0, 1]);
  });

  it("refuses an empty source, a text without sentences, and an aborted run", () => {
    const codeOf = (run: () => unknown): string => {
      try {
        run();
      } catch (error) {
        if (error instanceof AppError) return error.code;
      }
      return "no error";
    };
    expect(codeOf(() => alignTranslation(request("Một.", "vi", { source: [] })))).toBe(
      "align.no-source",
    );
    expect(codeOf(() => alignTranslation(request(" \n \t\n")))).toBe("align.no-target-text");
    expect(
      codeOf(() => alignTranslation(request(corpus("vi")), { signal: { aborted: true } })),
    ).toBe("align.aborted");
  });
});
