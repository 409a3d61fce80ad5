import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readQuantities, shiftDecimal } from "../../../src/core/qa/read-numbers.ts";
import { formatNumber } from "../../../src/core/tm/substitute.ts";

/** Readings of the hard quantities (those the number check reports). */
const values = (text: string, lang: string) =>
  readQuantities(text, lang)
    .filter((q) => q.hard)
    .map((q) => q.readings[0]);

describe("readQuantities: numbers by value per locale", () => {
  it("reads grouped thousands and decimals in each language's notation", () => {
    expect(values("1.234.567,89 orang", "id")).toEqual(["1234567.89"]);
    expect(values("1.234.567,89 người", "vi")).toEqual(["1234567.89"]);
    expect(values("1,234,567.89 people", "en")).toEqual(["1234567.89"]);
    // corpus/id/konvensi-hanoi-menteri-luong-tam-quang.txt and its translations
    expect(values("lebih dari 2.500 delegasi dari 119 negara", "id")).toEqual(["2500", "119"]);
    expect(values("hơn 2.500 đại biểu từ 119 quốc gia", "vi")).toEqual(["2500", "119"]);
    expect(values("more than 2,500 delegates from 119 countries", "en")).toEqual(["2500", "119"]);
    expect(values("naik 3,5 persen", "id")).toEqual(["3.5"]);
    expect(values("up 3.5 percent", "en")).toEqual(["3.5"]);
    expect(values("tăng 3,5 phần trăm", "vi")).toEqual(["3.5"]);
  });

  it("keeps the other locale's reading of an ambiguous group as a second reading", () => {
    // "2.500" in an English text: 2.5 by English rules, but 2500 as the Indonesian source wrote it.
    expect(readQuantities("2.500 delegates", "en")[0]!.readings).toEqual(["2.5", "2500"]);
    expect(readQuantities("2,500 đại biểu", "vi")[0]!.readings).toEqual(["2.5", "2500"]);
    expect(readQuantities("3,75 juta", "id")[0]!.readings).toEqual(["3750000"]);
  });

  it("reads numerals with scale words and Rp amounts", () => {
    expect(values("Rp2,5 juta", "id")).toEqual(["2500000"]);
    expect(values("Rp 2,5 juta", "id")).toEqual(["2500000"]);
    expect(values("IDR 2.5 million", "en")).toEqual(["2500000"]);
    expect(values("2,5 triệu rupiah", "vi")).toEqual(["2500000"]);
    expect(values("Rp1.500.000", "id")).toEqual(["1500000"]);
    expect(values("1,2 miliar dolar", "id")).toEqual(["1200000000"]);
    expect(values("1,2 tỷ đô la", "vi")).toEqual(["1200000000"]);
    expect(values("3 nghìn tỷ đồng", "vi")).toEqual(["3000000000000"]);
    expect(values("Rp 150 rb", "id")).toEqual(["150000"]);
  });

  it("reads number words in the three languages", () => {
    expect(values("dua puluh negara", "id")).toEqual(["20"]);
    expect(values("hai mươi quốc gia", "vi")).toEqual(["20"]);
    expect(values("twenty countries", "en")).toEqual(["20"]);
    expect(values("dua ratus lima puluh ribu", "id")).toEqual(["250000"]);
    expect(values("hai trăm năm mươi nghìn", "vi")).toEqual(["250000"]);
    expect(values("two hundred and fifty thousand", "en")).toEqual(["250000"]);
    expect(values("tiga belas", "id")).toEqual(["13"]);
    expect(values("mười lăm", "vi")).toEqual(["15"]);
    expect(values("hai mươi mốt", "vi")).toEqual(["21"]);
    expect(values("một trăm linh năm", "vi")).toEqual(["105"]);
    expect(values("twenty-five", "en")).toEqual(["25"]);
    expect(values("seratus dua puluh", "id")).toEqual(["120"]);
    expect(values("seribu orang", "id")).toEqual(["1000"]);
    expect(values("seratus negara", "id")).toEqual(["100"]);
    expect(values("sepuluh negara", "id")).toEqual(["10"]);
  });

  it("does not read words that are often not numbers as reportable numbers", () => {
    // Vietnamese "một" is also "a", "năm" also "year", "ba" three or "dad"; "ba năm" is three years.
    expect(values("một nước", "vi")).toEqual([]);
    expect(values("ba năm", "vi")).toEqual([]);
    expect(values("trong năm 2025", "vi")).toEqual(["2025"]);
    // "hai mươi năm" is twenty years (25 is "hai mươi lăm").
    expect(values("hai mươi năm", "vi")).toEqual(["20"]);
    expect(values("the one who came first", "en")).toEqual([]);
    expect(values("you may go in March", "en")).toEqual([]);
    expect(values("hàng nghìn người", "vi")).toEqual([]);
    expect(values("tăng 3,5 phần trăm", "vi")).toEqual(["3.5"]);
  });

  it("reads times: 10.30 WIB = 10:30 = 10h30 = 10 giờ 30", () => {
    const time = (t: string, l: string) => readQuantities(t, l).map((q) => q.readings);
    expect(time("pukul 10.30 WIB", "id")).toEqual([["t10:30"]]);
    expect(time("at 10:30", "en")).toEqual([["t10:30"]]);
    expect(time("lúc 10h30", "vi")).toEqual([["t10:30"]]);
    expect(time("lúc 10 giờ 30 phút", "vi")).toEqual([["t10:30"]]);
    expect(time("pukul 14.00 WIB", "id")[0]).toContain("t14:00");
    expect(time("at 2 p.m.", "en")[0]).toContain("t14:00");
    expect(time("at 2.30 pm", "en")[0]).toContain("t14:30");
    // Without a time word, "10.30" may be a decimal or a time: both readings.
    expect(time("10.30", "id")).toEqual([["10.3", "t10:30"]]);
  });

  it("reads dates, ranges and ordinals as their numbers", () => {
    expect(values("tanggal 25-26 Oktober 2025", "id")).toEqual(["25", "26", "2025"]);
    expect(values("ngày 25-26/10/2025", "vi")).toEqual(["25", "26", "10", "2025"]);
    // The month name is a (soft) 10, so that it matches "tháng 10" and "/10".
    expect(readQuantities("25 Oktober", "id").map((q) => q.readings[0])).toEqual(["25", "10"]);
    expect(readQuantities("May 2025", "en").map((q) => q.readings[0])).toEqual(["5", "2025"]);
    expect(values("the 3rd session", "en")).toEqual(["3"]);
    expect(values("sesi ke-3", "id")).toEqual(["3"]);
    expect(values("phiên thứ 3", "vi")).toEqual(["3"]);
    expect(readQuantities("ketiga", "id")[0]).toMatchObject({ readings: ["3"], hard: false });
  });

  it("leaves numbers inside file names, URLs, addresses and codes to the unchanged-text check", () => {
    // corpus/id/konvensi-hanoi-upacara-penandatanganan.txt
    expect(values("menandatangani Konvensi Hanoi 836154525 8 53 41.jpg", "id")).toEqual([]);
    expect(values("W-HAI_1275.jpg", "id")).toEqual([]);
    expect(values("lihat https://www.unodc.org/2025/cybercrime dan info2@un.org", "id")).toEqual(
      [],
    );
    expect(values('tekan \uE000<ph x="1">{1}</ph>\uE001 lalu 3', "id")).toEqual(["3"]);
  });

  it("gives the place of each quantity in the text", () => {
    const [q] = readQuantities("Dengan 2.500 delegasi", "id");
    expect(q).toMatchObject({ start: 7, end: 12, raw: "2.500" });
  });

  it("shiftDecimal multiplies by a power of ten exactly", () => {
    expect(shiftDecimal("2.5", 6)).toBe("2500000");
    expect(shiftDecimal("1.2345", 3)).toBe("1234.5");
    expect(shiftDecimal("0.5", 3)).toBe("500");
    expect(shiftDecimal("1.1", 6)).toBe("1100000");
  });
});

/** A canonical decimal: up to 12 integer digits and up to 3 fraction digits, no trailing zeros. */
const canonical = fc
  .tuple(
    fc.bigInt({ min: 0n, max: 999_999_999_999n }),
    fc.integer({ min: 0, max: 999 }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([int, frac, digits]) => {
    const f = digits === 0 ? "" : String(frac).padStart(3, "0").slice(0, digits).replace(/0+$/, "");
    return f === "" ? String(int) : `${int}.${f}`;
  });

describe("property: a value written in each locale reads back as the same value", () => {
  for (const lang of ["id", "vi", "en"]) {
    it(`${lang}: formatNumber → readQuantities`, () => {
      fc.assert(
        fc.property(canonical, fc.boolean(), (value, group) => {
          const text = `${formatNumber(value, lang, group)} unit`;
          const qs = readQuantities(text, lang);
          expect(qs).toHaveLength(1);
          expect(qs[0]!.readings[0]).toBe(value);
        }),
        { numRuns: 400 },
      );
    });
  }
});

const ONES = {
  en: ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
  id: ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"],
  vi: ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"],
};
const EN_TEENS = [
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const EN_TENS = [
  "",
  "",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "seventy",
  "eighty",
  "ninety",
];

/** Words for 1..999 as a careful writer of each language spells them (the test's oracle). */
function below1000(n: number, lang: "en" | "id" | "vi", higher: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (lang === "en") {
    if (h > 0) out.push(ONES.en[h]!, "hundred");
    if (h > 0 && n % 100 > 0) out.push("and");
    if (t === 1) out.push(EN_TEENS[u]!);
    else if (t > 1) out.push(u > 0 ? `${EN_TENS[t]}-${ONES.en[u]}` : EN_TENS[t]!);
    else if (u > 0) out.push(ONES.en[u]!);
    return out;
  }
  if (lang === "id") {
    if (h === 1) out.push("seratus");
    else if (h > 1) out.push(ONES.id[h]!, "ratus");
    if (t === 1) out.push(u === 0 ? "sepuluh" : u === 1 ? "sebelas" : `${ONES.id[u]} belas`);
    else {
      if (t > 1) out.push(ONES.id[t]!, "puluh");
      if (u > 0) out.push(ONES.id[u]!);
    }
    return out.flatMap((w) => w.split(" "));
  }
  if (h > 0) out.push(ONES.vi[h]!, "trăm");
  else if (higher) out.push("không", "trăm");
  if (t === 0 && u > 0 && (h > 0 || higher)) out.push("linh", ONES.vi[u]!);
  else if (t === 1) {
    out.push("mười");
    if (u > 0) out.push(u === 5 ? "lăm" : ONES.vi[u]!);
  } else if (t > 1) {
    out.push(ONES.vi[t]!, "mươi");
    if (u > 0) out.push(u === 1 ? "mốt" : u === 5 ? "lăm" : ONES.vi[u]!);
  } else if (u > 0) out.push(ONES.vi[u]!);
  return out;
}

function spell(n: number, lang: "en" | "id" | "vi"): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const scale = { en: "thousand", id: "ribu", vi: "nghìn" }[lang];
  const out: string[] = [];
  if (thousands === 1 && lang === "id") out.push("seribu");
  else if (thousands > 0) out.push(...below1000(thousands, lang, false), scale);
  if (rest > 0) out.push(...below1000(rest, lang, thousands > 0));
  return out.join(" ");
}

describe("property: number words read back as their value", () => {
  for (const lang of ["id", "vi", "en"] as const) {
    it(`${lang}: spelled 11..999999 → readQuantities`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 11, max: 999_999 }), (n) => {
          const qs = readQuantities(spell(n, lang), lang);
          expect(qs.map((q) => q.readings[0])).toEqual([String(n)]);
          expect(qs[0]!.hard).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }
  it("spells as the oracle means to", () => {
    expect(spell(2005, "vi")).toBe("hai nghìn không trăm linh năm");
    expect(spell(1250, "id")).toBe("seribu dua ratus lima puluh");
    expect(spell(21, "en")).toBe("twenty-one");
  });
});
