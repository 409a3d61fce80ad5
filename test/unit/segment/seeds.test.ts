/** The seed texts against the hand-written golden file test/fixtures/segment/seeds.expected.json. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { segmentText } from "../../../src/core/segment/segment.ts";

const root = new URL("../../../", import.meta.url);
const golden = JSON.parse(
  readFileSync(new URL("test/fixtures/segment/seeds.expected.json", root), "utf8"),
) as Record<string, string[][]>;
const FIRST = "konvensi-hanoi-menteri-luong-tam-quang.txt";
const SECOND = "konvensi-hanoi-upacara-penandatanganan.txt";
const read = (name: string) => readFileSync(new URL(`corpus/id/${name}`, root), "utf8");

describe("seed texts", () => {
  it.each([FIRST, SECOND])("%s is segmented exactly as the golden file says", (name) => {
    const expected = golden[name]!;
    expect(segmentText(read(name), "id").map((p) => p.sentences)).toEqual(expected);
  });

  it("the concatenated seeds split the glued 'Komentar (0)Presiden' paragraph", () => {
    const first = golden[FIRST]!;
    const second = golden[SECOND]!;
    const expected = [...first.slice(0, -1), [...first.at(-1)!, ...second[0]!], ...second.slice(1)];
    const actual = segmentText(read(FIRST) + read(SECOND), "id");
    expect(actual.map((p) => p.sentences)).toEqual(expected);
    expect(actual.map((p) => p.paragraph)).toEqual(expected.map((_, i) => i));
  });
});
