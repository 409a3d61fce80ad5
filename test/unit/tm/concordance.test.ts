import { describe, expect, it } from "vitest";
import { concordance, findPhrase } from "../../../src/core/tm/concordance.ts";
import type { TmUnit } from "../../../src/core/tm/types.ts";
import { CODE_END, CODE_START } from "../../../src/core/text/inline-marks.ts";

const at = (text: string, phrase: string) =>
  findPhrase(text, phrase).map((s) => text.normalize("NFC").slice(s.start, s.end));

describe("findPhrase", () => {
  it("finds whole tokens only, case folded, every occurrence", () => {
    const text = "Konvensi Hanoi ditandatangani di Hanoi; konvensi hanoi berlaku.";
    expect(at(text, "konvensi HANOI")).toEqual(["Konvensi Hanoi", "konvensi hanoi"]);
    expect(findPhrase(text, "konvensi HANOI")).toEqual([
      { start: 0, end: 14 },
      { start: 40, end: 54 },
    ]);
    // "hanoi" inside no other word; "noi" is not a token of the text.
    expect(findPhrase(text, "noi")).toEqual([]);
    expect(findPhrase("Bankir itu", "bank")).toEqual([]);
  });

  it("folds NFC: a decomposed phrase finds precomposed Vietnamese", () => {
    const text = "Công ước Hà Nội được ký.";
    const decomposed = "ha\u0300 no\u0302\u0323i";
    expect(decomposed).not.toBe(decomposed.normalize("NFC"));
    expect(at(text, decomposed)).toEqual(["Hà Nội"]);
  });

  it("ignores spacing between tokens and skips inline codes", () => {
    expect(at("Harga naik 2.500 rupiah, kata dia.", "2.500 rupiah ,")).toEqual(["2.500 rupiah,"]);
    const coded = `Baca ${CODE_START}<b>${CODE_END}berita${CODE_START}</b>${CODE_END} ini.`;
    const spans = findPhrase(coded, "baca berita ini");
    expect(spans).toHaveLength(1);
    expect(coded.slice(spans[0]!.start, spans[0]!.end)).toBe(
      `Baca ${CODE_START}<b>${CODE_END}berita${CODE_START}</b>${CODE_END} ini`,
    );
    // A number is one token: "2" is not found in "2.500".
    expect(findPhrase("Harga 2.500.", "2")).toEqual([]);
    expect(findPhrase("anything", "  ")).toEqual([]);
  });
});

describe("concordance", () => {
  const units: TmUnit[] = [
    {
      id: "a",
      source: "Presiden membuka sidang.",
      targets: { vi: "Chủ tịch nước khai mạc phiên họp.", en: "The President opened the session." },
    },
    { id: "b", source: "Sidang ditutup.", targets: { en: "The session closed." } },
    {
      id: "c",
      source: "Menteri tiba.",
      targets: { vi: "Bộ trưởng đến.", en: "The minister arrived." },
    },
  ];

  it("lists units holding the phrase in the source or either target, with their spans", () => {
    const r = concordance(units, "session");
    expect(r.total).toBe(2);
    expect(r.hits.map((h) => [h.unit.id, Object.keys(h.spans)])).toEqual([
      ["a", ["en"]],
      ["b", ["en"]],
    ]);
    expect(r.hits[0]!.spans["en"]).toEqual([{ start: 25, end: 32 }]);
    const s = concordance(units, "sidang");
    expect(s.hits.map((h) => [h.unit.id, Object.keys(h.spans)])).toEqual([
      ["a", ["source"]],
      ["b", ["source"]],
    ]);
    expect(concordance(units, "phiên họp").hits.map((h) => h.unit.id)).toEqual(["a"]);
  });

  it("cuts the list at the limit but counts every hit", () => {
    const r = concordance(units, "the", { limit: 1 });
    expect(r.total).toBe(3);
    expect(r.hits.map((h) => h.unit.id)).toEqual(["a"]);
    expect(concordance(units, "").total).toBe(0);
  });
});

describe("Indonesian word forms (stems option)", () => {
  const forms = (text: string, phrase: string) =>
    findPhrase(text, phrase, { stems: true }).map((s) => text.slice(s.start, s.end));

  it("finds a base in its affixed, nasalized and reduplicated forms", () => {
    const text =
      "Menteri menandatangani perjanjian itu; naskah yang ditandatangani dan tandatangannya sah.";
    expect(forms(text, "tandatangan")).toEqual([
      "menandatangani",
      "ditandatangani",
      "tandatangannya",
    ]);
    // Exact search keeps whole words as written.
    expect(findPhrase(text, "tandatangan")).toEqual([]);
    expect(forms("Rumah-rumah itu dibangun.", "rumah")).toEqual(["Rumah-rumah"]);
    expect(forms("Dia memukul bola, lalu dipukul lagi.", "pukul")).toEqual(["memukul", "dipukul"]);
  });

  it("an inflected phrase finds the other forms, phrase by phrase", () => {
    const text = "Perjanjian ditandatangani kemarin. Mereka menandatangani perjanjian baru.";
    expect(forms(text, "menandatangani perjanjian")).toEqual(["menandatangani perjanjian"]);
    expect(forms(text, "perjanjian ditandatangani")).toEqual(["Perjanjian ditandatangani"]);
  });

  it("does not join words that only share a short or absent base", () => {
    // "bank" is not a base of "bankir"; "mak" (makan / maki) is too short to count.
    expect(forms("Bankir itu kaya.", "bank")).toEqual([]);
    expect(forms("Dia memaki temannya.", "makan")).toEqual([]);
    expect(forms("Tangannya luka.", "tandatangan")).toEqual([]);
  });

  it("applies to the Indonesian sources only; targets stay exact", () => {
    const units: TmUnit[] = [
      { id: "a", source: "Presiden menandatangani undang-undang.", targets: { en: "signs" } },
      { id: "b", source: "Tanda tangan palsu.", targets: { en: "tandatangan forms" } },
    ];
    const r = concordance(units, "tandatangan", { stems: true });
    expect(r.hits.map((h) => [h.unit.id, Object.keys(h.spans)])).toEqual([
      ["a", ["source"]],
      ["b", ["en"]],
    ]);
    expect(concordance(units, "tandatangan").hits.map((h) => h.unit.id)).toEqual(["b"]);
  });
});
