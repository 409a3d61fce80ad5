import { describe, expect, it } from "vitest";
import { alignSentences } from "../../../src/core/align/align-sentences.ts";

const idWords = ["ini", "ada", "itu", "dan", "di", "ke", "yang", "dari"];
const viWords = ["và", "là", "của", "có", "ở", "cho", "những", "một"];
function sentence(words: string[], k: number, n: number, anchor: string): string {
  const out = [anchor];
  for (let w = 0; out.join("").length < n; w++) out.push(words[(k + w) % words.length] ?? "x");
  return `${out.join(" ")}.`;
}

describe("link confidence", () => {
  it("is high where the text is clear and lower for an unmatched sentence", () => {
    const lengths = [40, 75, 52, 90, 61, 33, 80, 47, 66, 58, 71, 44];
    const source = lengths.map((n, k) => sentence(idWords, k, n, String(1000 + k)));
    const target = lengths.map((n, k) => sentence(viWords, k, n, String(1000 + k)));
    target.splice(6, 0, sentence(viWords, 3, 60, "Hình ảnh"));
    const plan = alignSentences(source, target, { sourceLang: "id", targetLang: "vi" });
    const inserted = plan.links.find((l) => l.source.length === 0);
    expect(inserted?.target).toEqual([6]);
    const far = plan.links.filter(
      (l) => l.source.length === 1 && Math.abs((l.source[0] ?? 0) - 6) > 2,
    );
    for (const link of far) {
      expect(link.confidence).toBeGreaterThan(0.8);
      expect(link.confidence).toBeGreaterThan(inserted?.confidence ?? 1);
    }
  });
});

describe("link confidence where the text gives no evidence", () => {
  it("is low where an extra sentence could sit in several places", () => {
    const source = Array.from({ length: 10 }, (_, k) => sentence(idWords, k, 50, ""));
    const target = Array.from({ length: 11 }, (_, k) => sentence(viWords, k, 50, ""));
    const plan = alignSentences(source, target, { sourceLang: "id", targetLang: "vi" });
    const lowest = Math.min(...plan.links.map((l) => l.confidence));
    expect(lowest).toBeLessThan(0.5);
  });
});
