/** Gold-set loading and boundary scoring, shared by the gold test and the segment bench. */
import { readFileSync } from "node:fs";
import type { Lang } from "../../../src/core/model/languages.ts";

export interface GoldParagraph {
  id: string;
  text: string;
  sentences: string[];
}

/** The gold set of a language: `gold-<lang>.jsonl`, or `gold-<lang>-<set>.jsonl` for a named set. */
export function loadGold(lang: Lang, set?: string): GoldParagraph[] {
  const name = set === undefined ? lang : `${lang}-${set}`;
  const url = new URL(`../../fixtures/segment/gold-${name}.jsonl`, import.meta.url);
  return readFileSync(url, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as GoldParagraph);
}

/**
 * Offsets in `text` where the sentences end, except the last one. Each sentence must occur, in
 * order, with only whitespace before it; otherwise this throws (the segmentation altered text).
 */
export function boundaries(text: string, sentences: readonly string[]): number[] {
  const ends: number[] = [];
  let at = 0;
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (sentence === "") continue;
    const found = text.indexOf(sentence, at);
    if (found < 0 || text.slice(at, found).trim() !== "") {
      throw new Error(`sentence not found in order: ${JSON.stringify(sentence)}`);
    }
    at = found + sentence.length;
    ends.push(at);
  }
  ends.pop();
  return ends;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  exact: number;
  paragraphs: number;
  errors: { id: string; missing: number[]; spurious: number[] }[];
}

export function score(
  gold: readonly GoldParagraph[],
  segment: (text: string) => readonly string[],
): Score {
  const result: Score = {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    exact: 0,
    paragraphs: gold.length,
    errors: [],
  };
  for (const paragraph of gold) {
    const expected = new Set(boundaries(paragraph.text, paragraph.sentences));
    const actual = new Set(boundaries(paragraph.text, segment(paragraph.text)));
    const missing = [...expected].filter((b) => !actual.has(b));
    const spurious = [...actual].filter((b) => !expected.has(b));
    result.truePositives += expected.size - missing.length;
    result.falseNegatives += missing.length;
    result.falsePositives += spurious.length;
    if (missing.length === 0 && spurious.length === 0) result.exact++;
    else result.errors.push({ id: paragraph.id, missing, spurious });
  }
  return result;
}

export function metrics(s: Score): {
  precision: number;
  recall: number;
  f1: number;
  exact: number;
} {
  const precision = s.truePositives / Math.max(1, s.truePositives + s.falsePositives);
  const recall = s.truePositives / Math.max(1, s.truePositives + s.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, exact: s.exact / Math.max(1, s.paragraphs) };
}
