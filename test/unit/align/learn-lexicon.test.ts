import { describe, expect, it } from "vitest";
import type { Bead } from "../../../src/core/align/dp.ts";
import { learnWordPairs, wordSet } from "../../../src/core/align/learn-lexicon.ts";

const one = (s: number): Bead => ({ s, t: s, a: 1, b: 1, lengthCost: 0, lexical: 0, margin: 1 });

describe("learnWordPairs", () => {
  const source = [
    "Rumah itu besar.",
    "Rumah kami kecil.",
    "Kucing tidur.",
    "Kucing makan ikan.",
    "Ikan berenang.",
  ].map(wordSet);
  const target = [
    "The house is big.",
    "Our house is small.",
    "The cat sleeps.",
    "The cat eats fish.",
    "Fish swim.",
  ].map(wordSet);

  it("pairs words that keep occurring in the same links", () => {
    const pairs = learnWordPairs(source, target, [0, 1, 2, 3, 4].map(one));
    expect(pairs).toEqual(
      expect.arrayContaining([
        ["rumah", "house"],
        ["kucing", "cat"],
        ["ikan", "fish"],
      ]),
    );
    // each word keeps one partner only
    expect(new Set(pairs.map(([s]) => s)).size).toBe(pairs.length);
    expect(new Set(pairs.map(([, t]) => t)).size).toBe(pairs.length);
  });

  it("needs two co-occurrences and ignores links that are not 1-1", () => {
    expect(learnWordPairs(source, target, [one(0)])).toEqual([]);
    const merged: Bead = { s: 0, t: 0, a: 2, b: 2, lengthCost: 0, lexical: 0, margin: 1 };
    expect(learnWordPairs(source, target, [merged])).toEqual([]);
  });

  it("folds case and diacritics", () => {
    expect(wordSet("Việt Nam, việt nam!")).toEqual(["viet", "nam"]);
  });
});
