/**
 * Boundary F1 on the hand-written gold sets in test/fixtures/segment/: gold-<lang>.jsonl (used
 * for tuning) and gold-<lang>-fresh.jsonl (written and labelled before the first scoring run).
 */
import { describe, expect, it } from "vitest";
import { segmentParagraph } from "../../../src/core/segment/segment.ts";
import type { Lang } from "../../../src/core/model/languages.ts";
import { boundaries, loadGold, metrics, score } from "./gold.ts";

const TARGETS: [string, Lang, string | undefined, number, number][] = [
  ["id", "id", undefined, 150, 0.99],
  ["vi", "vi", undefined, 50, 0.98],
  ["en", "en", undefined, 50, 0.98],
  ["id-fresh", "id", "fresh", 80, 0.99],
  ["id-fresh2", "id", "fresh2", 40, 0.99],
  ["id-fresh3", "id", "fresh3", 35, 0.99],
  ["id-fresh4", "id", "fresh4", 25, 0.99],
  ["vi-fresh", "vi", "fresh", 20, 0.98],
  ["en-fresh", "en", "fresh", 20, 0.98],
  ["vi-fresh2", "vi", "fresh2", 10, 0.98],
  ["en-fresh2", "en", "fresh2", 10, 0.98],
];

describe.each(TARGETS)("gold set %s", (_name, lang, set, minimum, target) => {
  const gold = loadGold(lang, set);

  it(`has at least ${minimum} well-formed paragraphs with unique ids`, () => {
    expect(gold.length).toBeGreaterThanOrEqual(minimum);
    expect(new Set(gold.map((p) => p.id)).size).toBe(gold.length);
    for (const p of gold) {
      expect(p.sentences.length).toBeGreaterThan(0);
      expect(() => boundaries(p.text, p.sentences)).not.toThrow();
    }
  });

  it(`reaches boundary F1 >= ${target}`, () => {
    const s = score(gold, (text) => segmentParagraph(text, lang));
    const m = metrics(s);
    const detail = s.errors.map((e) => {
      const p = gold.find((g) => g.id === e.id)!;
      const at = (o: number) => JSON.stringify(p.text.slice(Math.max(0, o - 25), o + 25));
      return `${e.id}: missing ${e.missing.map(at).join(", ")} spurious ${e.spurious.map(at).join(", ")}`;
    });
    expect(m.f1, detail.join("\n")).toBeGreaterThanOrEqual(target);
  });
});
