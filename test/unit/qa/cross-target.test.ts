import { describe, expect, it } from "vitest";
import { checkCrossTarget } from "../../../src/core/qa/cross-target.ts";
import { checkConsistency } from "../../../src/core/qa/consistency.ts";

// corpus/{id,vi,en}/konvensi-hanoi-upacara-penandatanganan.txt
const CAPTION = {
  id: "Presiden Luong Cuong menyambut Sekretaris Jenderal PBB pada upacara penandatanganan konvensi. Foto: VNA",
  vi: "Chủ tịch nước Lương Cường đón Tổng Thư ký Liên hợp quốc tại lễ mở ký Công ước (Ảnh: VNA).",
  en: "President Luong Cuong welcomes the UN Secretary-General at the signing ceremony of the Convention (photo: VNA).",
};
const YEAR = {
  id: "Ini merupakan acara urusan luar negeri multilateral besar yang sangat penting bagi Vietnam pada tahun 2025.",
  vi: "Đây là sự kiện đối ngoại đa phương lớn, có ý nghĩa đặc biệt quan trọng đối với Việt Nam trong năm 2025.",
  en: "It is a major multilateral foreign-affairs event of special importance for Vietnam in 2025.",
};
const PHOTO = {
  id: "VNA Potal Presiden Negara Vietnam, menandatangani Konvensi Hanoi 836154525 8 53 41.jpg",
  vi: "VNA Potal Chủ tịch nước Việt Nam, ký Công ước Hà Nội 836154525 8 53 41.jpg",
  en: "VNA Potal President of Vietnam signs the Hanoi Convention 836154525 8 53 41.jpg",
};

const cross = (s: { id: string; vi: string; en: string }) =>
  checkCrossTarget({
    source: s.id,
    sourceLang: "id",
    targets: { vi: { text: s.vi, status: "translated" }, en: { text: s.en, status: "translated" } },
  }).map((f) => [f.lang, f.finding.code, f.finding.params["value"]]);

describe("cross-target (id pivot)", () => {
  it("finds nothing when both targets keep the source's numbers, names and files", () => {
    expect(cross(CAPTION)).toEqual([]);
    expect(cross(YEAR)).toEqual([]);
    expect(cross(PHOTO)).toEqual([]);
  });
  it("says which column is wrong when one target disagrees", () => {
    expect(cross({ ...YEAR, en: YEAR.en.replace("2025", "2024") })).toEqual([
      ["en", "cross.number", "2025"],
    ]);
    expect(cross({ ...YEAR, vi: YEAR.vi.replace("2025", "2052") })).toEqual([
      ["vi", "cross.number", "2025"],
    ]);
    expect(cross({ ...PHOTO, vi: PHOTO.vi.replace("41.jpg", "14.jpg") })).toEqual([
      ["vi", "cross.span", "836154525 8 53 41.jpg"],
    ]);
    // "Lương Cường" folds to the source's "Luong Cuong"; "Luong Quang" does not.
    expect(cross({ ...CAPTION, en: CAPTION.en.replace("Luong Cuong", "Luong Quang") })).toEqual([
      ["en", "cross.name", "Cuong"],
    ]);
  });
  it("points at the part of the source the wrong column lacks (its highlight)", () => {
    const ranges = (s: { id: string; vi: string; en: string }) =>
      checkCrossTarget({
        source: s.id,
        sourceLang: "id",
        targets: { vi: { text: s.vi }, en: { text: s.en } },
      }).map((f) => {
        const r = f.finding.sourceRange;
        return r ? s.id.slice(r.start, r.end) : null;
      });
    expect(ranges({ ...YEAR, en: YEAR.en.replace("2025", "2024") })).toEqual(["2025"]);
    expect(ranges({ ...PHOTO, vi: PHOTO.vi.replace("41.jpg", "14.jpg") })).toEqual([
      "836154525 8 53 41.jpg",
    ]);
    expect(ranges({ ...CAPTION, en: CAPTION.en.replace("Luong Cuong", "Luong Quang") })).toEqual([
      "Cuong",
    ]);
  });
  it("lists a target confirmed in one language and empty in the other as progress", () => {
    const found = checkCrossTarget({
      source: YEAR.id,
      sourceLang: "id",
      targets: { vi: { text: YEAR.vi, status: "approved" }, en: { text: "", status: "empty" } },
    });
    expect(found).toEqual([
      {
        lang: "en",
        finding: expect.objectContaining({
          code: "cross.progress",
          severity: "info",
          params: { other: "vi" },
        }),
      },
    ]);
    expect(
      checkCrossTarget({
        source: YEAR.id,
        sourceLang: "id",
        targets: { vi: { text: YEAR.vi, status: "draft" } },
      }),
    ).toEqual([]);
  });
});

describe("consistency", () => {
  const units = [
    { key: "a", source: "Foto: VNA", targets: { en: "Photo: VNA", vi: "Ảnh: VNA" } },
    { key: "b", source: "Foto: VNA", targets: { en: "Photo: VNA", vi: "Ảnh: TTXVN" } },
    { key: "c", source: "Foto:  VNA", targets: { en: "Photo: VNA" } },
    {
      key: "d",
      source: "Presiden menghadiri upacara.",
      targets: { en: "The President attended the ceremony." },
    },
    {
      key: "e",
      source: "Presiden hadir di upacara.",
      targets: { en: "The President attended the ceremony." },
    },
    {
      key: "f",
      source: "Presiden menghadiri upacara!",
      targets: { en: "The President attended the ceremony." },
    },
  ];
  it("lists the variants of one source, and one target used for different sources", () => {
    const found = checkConsistency(units, ["vi", "en"]).map((f) => [
      f.key,
      f.lang,
      f.finding.code,
      f.finding.params["others"],
    ]);
    expect(found).toEqual([
      ["a", "vi", "consistency.source", "“Ảnh: TTXVN”"],
      ["b", "vi", "consistency.source", "“Ảnh: VNA”"],
      ["d", "en", "consistency.target", "“Presiden hadir di upacara.”"],
      [
        "e",
        "en",
        "consistency.target",
        "“Presiden menghadiri upacara.” · “Presiden menghadiri upacara!”",
      ],
      ["f", "en", "consistency.target", "“Presiden hadir di upacara.”"],
    ]);
  });
});
