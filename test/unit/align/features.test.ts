import { describe, expect, it } from "vitest";
import { cognateKey, foldTerm, sentenceFeatures } from "../../../src/core/align/features.ts";
import { foldText } from "../../../src/core/align/normalize-token.ts";

function shared(a: string[], b: string[]): string[] {
  return a.filter((f) => b.includes(f)).sort();
}

describe("sentenceFeatures", () => {
  it("matches numbers across locales", () => {
    const id = sentenceFeatures("Lebih dari 2.500 delegasi, naik 3,5 kali.", "id");
    const en = sentenceFeatures("More than 2,500 delegates, up 3.5 times.", "en");
    expect(shared(id, en)).toEqual(expect.arrayContaining(["n:2500", "n:3.5"]));
  });

  it("marks percentages written as a sign or a word", () => {
    expect(sentenceFeatures("naik 25%", "id")).toContain("pc");
    expect(sentenceFeatures("naik 25 persen", "id")).toContain("pc");
    expect(sentenceFeatures("tăng 25 phần trăm", "vi")).toContain("pc");
    expect(sentenceFeatures("up 25 per cent", "en")).toContain("pc");
    expect(sentenceFeatures("naik 25 kali", "id")).not.toContain("pc");
  });

  it("maps month names of each language to the month number", () => {
    expect(sentenceFeatures("pada 25 Oktober", "id")).toContain("m:10");
    expect(sentenceFeatures("on 25 October", "en")).toContain("m:10");
    expect(sentenceFeatures("am 9. März", "de")).toContain("m:3");
    expect(sentenceFeatures("le 9 août", "fr")).toContain("m:8");
    expect(sentenceFeatures("You may go", "en")).not.toContain("m:5");
    expect(sentenceFeatures("In May we go", "en")).toContain("m:5");
  });

  it("keeps URLs and e-mail addresses whole", () => {
    const f = sentenceFeatures(
      "Lihat https://Example.org/2025/a-b, atau tulis ke tim7@example.org.",
      "id",
    );
    expect(f).toContain("u:example.org/2025/a-b");
    expect(f).toContain("e:tim7@example.org");
    expect(f.filter((x) => x.startsWith("n:"))).toEqual([]);
  });

  it("gives names and cognates the same key across diacritics and spacing", () => {
    const vi = sentenceFeatures("Lễ mở ký tại Hà Nội, Việt Nam, với ông Guterres.", "vi");
    const id = sentenceFeatures("Upacara di Hanoi, Vietnam, dengan Guterres.", "id");
    expect(shared(vi, id)).toEqual(expect.arrayContaining(["w:hanoi", "w:vietn", "w:guter"]));
  });

  it("records question and exclamation marks, quotes and brackets", () => {
    const f = sentenceFeatures('Apa itu "kejahatan siber" (menurut PBB)? Luar biasa!', "id");
    expect(f).toEqual(expect.arrayContaining(["p:?", "p:!", "p:q", "p:b"]));
    expect(sentenceFeatures("Tidak ada.", "id").filter((x) => x.startsWith("p:"))).toEqual([]);
  });

  it("finds glossary terms as whole words, ignoring case and diacritics", () => {
    const terms = [foldTerm("tội phạm mạng"), foldTerm("mạng")];
    expect(sentenceFeatures("Đấu tranh với Tội Phạm Mạng.", "vi", terms)).toEqual(
      expect.arrayContaining(["g:0", "g:1"]),
    );
    expect(sentenceFeatures("Đấu tranh với tội phạm.", "vi", terms)).not.toContain("g:0");
  });
});

describe("cognateKey", () => {
  it("keys words by their first five folded letters, none under four", () => {
    expect(cognateKey(foldText("Septembre"))).toBe("septe");
    expect(cognateKey(foldText("September"))).toBe("septe");
    expect(cognateKey("nord")).toBe("nord");
    expect(cognateKey("der")).toBeNull();
  });
});
