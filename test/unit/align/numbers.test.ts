import { describe, expect, it } from "vitest";
import {
  extractNumbers,
  normalizeNumber,
  usesDecimalComma,
} from "../../../src/core/align/numbers.ts";

describe("usesDecimalComma", () => {
  it("knows which languages write 3,5", () => {
    expect(usesDecimalComma("id")).toBe(true);
    expect(usesDecimalComma("vi")).toBe(true);
    expect(usesDecimalComma("de")).toBe(true);
    expect(usesDecimalComma("fr-FR")).toBe(true);
    expect(usesDecimalComma("is")).toBe(true);
    expect(usesDecimalComma("en")).toBe(false);
    expect(usesDecimalComma("en-GB")).toBe(false);
    expect(usesDecimalComma("de-CH")).toBe(false);
  });
});

describe("normalizeNumber", () => {
  it("reads thousands separators by language", () => {
    expect(normalizeNumber("2.500", true)).toBe("2500");
    expect(normalizeNumber("2,500", false)).toBe("2500");
    expect(normalizeNumber("2500", false)).toBe("2500");
    expect(normalizeNumber("2.500", false)).toBe("2.5");
    expect(normalizeNumber("1.234.567", true)).toBe("1234567");
    expect(normalizeNumber("1,234,567", false)).toBe("1234567");
  });

  it("reads decimals by language and by shape", () => {
    expect(normalizeNumber("3,5", true)).toBe("3.5");
    expect(normalizeNumber("3.5", false)).toBe("3.5");
    expect(normalizeNumber("3,50", true)).toBe("3.5");
    expect(normalizeNumber("3.5", true)).toBe("3.5");
    expect(normalizeNumber("1.234,5", true)).toBe("1234.5");
    expect(normalizeNumber("1,234.5", false)).toBe("1234.5");
    expect(normalizeNumber("0,125", true)).toBe("0.125");
  });

  it("drops leading zeros and group spaces", () => {
    expect(normalizeNumber("007", false)).toBe("7");
    expect(normalizeNumber("2\u00a0500", true)).toBe("2500");
    expect(normalizeNumber("2’500", false)).toBe("2500");
  });
});

describe("extractNumbers", () => {
  it("finds every number in running text, not the sentence full stop", () => {
    expect(extractNumbers("Lebih dari 2.500 delegasi dari 119 negara.", true)).toEqual([
      "2500",
      "119",
    ]);
    expect(extractNumbers("More than 2,500 delegates from 119 countries.", false)).toEqual([
      "2500",
      "119",
    ]);
    expect(extractNumbers("pada 25-26 Oktober 2025", true)).toEqual(["25", "26", "2025"]);
    expect(extractNumbers("no digits here", false)).toEqual([]);
  });
});
