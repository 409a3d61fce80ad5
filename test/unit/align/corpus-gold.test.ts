import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alignSentences } from "../../../src/core/align/align-sentences.ts";
import { isLang } from "../../../src/core/model/languages.ts";
import { segmentText } from "../../../src/core/segment/segment.ts";

const root = join(import.meta.dirname, "..", "..", "..");

interface Gold {
  source: string;
  target: string;
  sourceLang: string;
  targetLang: string;
  sourceSentences: number;
  targetSentences: number;
  links: Array<{ source: number[]; target: number[] }>;
}

function sentences(path: string, lang: string): { text: string[]; paragraphs: number[] } {
  if (!isLang(lang)) throw new Error(`not a Selaras language: ${lang}`);
  const parts = segmentText(readFileSync(join(root, path), "utf8"), lang);
  return {
    text: parts.flatMap((p) => p.sentences),
    paragraphs: parts.flatMap((p) => p.sentences.map(() => p.paragraph)),
  };
}

const names = ["konvensi-hanoi-menteri-luong-tam-quang", "konvensi-hanoi-upacara-penandatanganan"];

describe("the shipped corpus translations align to their gold exactly", () => {
  for (const name of names) {
    for (const lang of ["vi", "en"]) {
      const gold = JSON.parse(
        readFileSync(join(root, "test", "fixtures", "align", `${name}.${lang}.gold.json`), "utf8"),
      ) as Gold;
      const source = sentences(gold.source, gold.sourceLang);
      const target = sentences(gold.target, gold.targetLang);

      it(`${name} id → ${lang}: the gold matches the segmenter's sentences`, () => {
        expect(source.text).toHaveLength(gold.sourceSentences);
        expect(target.text).toHaveLength(gold.targetSentences);
        expect(gold.links.flatMap((l) => l.source)).toEqual(source.text.map((_, i) => i));
        expect(gold.links.flatMap((l) => l.target)).toEqual(target.text.map((_, i) => i));
        // The translations break sentences differently in places: not every link is 1-1.
        expect(gold.links.some((l) => l.source.length > 1)).toBe(true);
        expect(gold.links.some((l) => l.target.length > 1)).toBe(true);
      });

      it(`${name} id → ${lang}: aligned with paragraphs`, () => {
        const plan = alignSentences(source.text, target.text, {
          sourceLang: gold.sourceLang,
          targetLang: gold.targetLang,
          sourceParagraphs: source.paragraphs,
          targetParagraphs: target.paragraphs,
        });
        expect(plan.links.map((l) => ({ source: l.source, target: l.target }))).toEqual(gold.links);
      });

      it(`${name} id → ${lang}: aligned without paragraphs`, () => {
        const plan = alignSentences(source.text, target.text, {
          sourceLang: gold.sourceLang,
          targetLang: gold.targetLang,
        });
        expect(plan.links.map((l) => ({ source: l.source, target: l.target }))).toEqual(gold.links);
      });
    }
  }

  it("keeps the paragraph structure of the Indonesian in every translation", () => {
    for (const name of names) {
      const id = segmentText(readFileSync(join(root, "corpus", "id", `${name}.txt`), "utf8"), "id");
      for (const lang of ["vi", "en"] as const) {
        const text = readFileSync(join(root, "corpus", lang, `${name}.txt`), "utf8");
        expect(segmentText(text, lang)).toHaveLength(id.length);
        expect(text.normalize("NFC")).toBe(text);
      }
    }
  });
});
