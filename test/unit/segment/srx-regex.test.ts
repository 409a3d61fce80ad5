import { describe, expect, it } from "vitest";
import { translateSrxRegex } from "../../../src/core/segment/srx-regex.ts";
import { AppError } from "../../../src/core/model/app-error.ts";

const js = (pattern: string) => translateSrxRegex(pattern).source;
const re = (pattern: string) => {
  const t = translateSrxRegex(pattern);
  return new RegExp(`^(?:${t.source})$`, t.caseInsensitive ? "iu" : "u");
};
function codeOf(pattern: string): { code: string; feature?: string | number } {
  try {
    translateSrxRegex(pattern);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, feature: error.params.feature };
    throw error;
  }
  return { code: "none" };
}

describe("translateSrxRegex (ICU/Java → JavaScript)", () => {
  it("keeps patterns that are already valid in both dialects", () => {
    for (const p of [
      "[\\.\\?!]+",
      "\\s+\\p{Lu}",
      "(?<![\\p{L}])Jl\\.",
      "\\d{1,3}(?:\\.\\d{3})*",
      "a|b",
      "x{2,}?",
    ]) {
      expect(js(p)).toBe(p);
    }
  });

  it("translates \\Q...\\E quoting", () => {
    expect(re("\\Qs.d.\\E").test("s.d.")).toBe(true);
    expect(re("\\Qs.d.\\E").test("sxdx")).toBe(false);
    expect(re("[\\Q]-\\E]+").test("]-]")).toBe(true);
  });

  it("drops possessive quantifiers and atomic groups (same matches in rules)", () => {
    expect(js("[0-9]++\\.")).toBe("[0-9]+\\.");
    expect(js("a*+b?+c{2}+")).toBe("a*b?c{2}");
    expect(js("(?>ab|a)c")).toBe("(?:ab|a)c");
  });

  it("maps Java and ICU property and POSIX classes", () => {
    expect(re("\\p{javaLowerCase}").test("ă")).toBe(true);
    expect(re("\\p{javaUpperCase}").test("Đ")).toBe(true);
    expect(re("\\p{IsLu}").test("Á")).toBe(true);
    expect(re("\\p{IsLatin}+").test("Việt")).toBe(true);
    expect(re("\\p{IsAlphabetic}").test("ạ")).toBe(true);
    expect(re("\\pL").test("é")).toBe(true);
    expect(re("\\p{Alpha}").test("é")).toBe(false); // POSIX classes are ASCII in Java
    expect(re("\\p{Punct}").test("!")).toBe(true);
    expect(re("\\P{Upper}").test("a")).toBe(true);
    expect(re("[[:Lu:][:Nd:]]+").test("A1")).toBe(true);
    expect(re("[a[bc]]+").test("abc")).toBe(true);
  });

  it("makes \\b Unicode-aware and maps anchors and escapes", () => {
    expect(re(".*\\bNam\\b.*").test("Việt Nam")).toBe(true);
    expect(re("a\\bé").test("aé")).toBe(false);
    expect(re("\\x{1F600}").test("😀")).toBe(true);
    expect(re("\\0101").test("A")).toBe(true);
    expect(re("\\h").test("\u00a0")).toBe(true);
    expect(re("\\R").test("\r\n")).toBe(true);
    expect(js("\\Aabc\\z")).toBe("^abc$");
  });

  it("makes literal braces, brackets and identity escapes valid under the u flag", () => {
    expect(re("a{b}").test("a{b}")).toBe(true);
    expect(re("\\-\\'\\\"").test("-'\"")).toBe(true);
    expect(re("x]").test("x]")).toBe(true);
  });

  it("turns a leading (?i) into a case-insensitive pattern", () => {
    expect(translateSrxRegex("(?i)dr\\.")).toEqual({ source: "dr\\.", caseInsensitive: true });
    expect(re("(?i)dr\\.").test("DR.")).toBe(true);
  });

  // Issue 11 class 9: OmegaT's defaultRules.srx has 1,584 `\\b(?i)…`, Okapi's `((?i)jan|…)\\.`;
  // Java applies a flag to the rest of its group. (An earlier test expected `a(?i)b` refused.)
  it("follows inline flags where they stand, to the end of their group as Java does", () => {
    expect(re("\\b(?i)úč\\.").test("ÚČ.")).toBe(true);
    expect(re("\\b(?i)úč\\.").test("úč.")).toBe(true);
    expect(re("a(?i)b").test("aB")).toBe(true);
    expect(re("a(?i)b").test("AB")).toBe(false);
    const months = re("((?i)jan|feb|mar)\\.");
    expect(["JAN.", "Feb.", "mar."].every((t) => months.test(t))).toBe(true);
    expect(re("(?i:ab)c").test("ABc")).toBe(true);
    expect(re("(?i:ab)c").test("ABC")).toBe(false);
    expect(re("x(?i)a(?-i)b").test("xAb")).toBe(true);
    expect(re("x(?i)a(?-i)b").test("xAB")).toBe(false);
    expect(re("(x(?i)a)b").test("xAb")).toBe(true);
    expect(re("(x(?i)a)b").test("xAB")).toBe(false);
    expect(re("(?iu)\\bdr\\.").test("DR.")).toBe(true);
    // Classes and ranges get the case forms they lack; escapes and group syntax stay as written.
    expect(re("q(?i)[a-cé]z").test("qBZ")).toBe(true);
    expect(re("q(?i)[a-cé]z").test("qÉz")).toBe(true);
    expect(re("q(?i)[à-ã]").test("qÂ")).toBe(true);
    expect(re("q(?i)\\x41\\u0042").test("qAB")).toBe(true);
    expect(re("(?<nm>a)(?i)\\k<nm>b").test("aaB")).toBe(true);
    expect(re("q(?i)(?<=q)(?!x)c").test("qC")).toBe(true);
    expect(re("a(?s).b").test("a\nb")).toBe(true);
    expect(re("a.b").test("a\nb")).toBe(false);
    // A leading (?i) alone stays the rule-level flag.
    expect(translateSrxRegex("(?iu)dr\\.")).toEqual({ source: "dr\\.", caseInsensitive: true });
    expect(translateSrxRegex("(?i)dr", {}, { scoped: true })).toEqual({
      source: "[dD][rR]",
      caseInsensitive: false,
    });
  });

  it("refuses what JavaScript cannot express, naming the feature", () => {
    expect(codeOf("[a-z&&[^aeiou]]")).toEqual({
      code: "srx.regex-unsupported",
      feature: "class intersection &&",
    });
    expect(codeOf("a(?m)b")).toEqual({ code: "srx.regex-unsupported", feature: "inline flag m" });
    expect(codeOf("\\p{InGreek}")).toEqual({
      code: "srx.regex-unsupported",
      feature: "unicode-block",
    });
    expect(codeOf("\\Gx").code).toBe("srx.regex-unsupported");
    expect(codeOf("[^a[^b]]").code).toBe("srx.regex-unsupported");
    expect(codeOf("(?x) a")).toEqual({ code: "srx.regex-unsupported", feature: "inline flag x" });
  });

  it("reports patterns that are invalid after translation", () => {
    expect(codeOf("(abc").code).toBe("srx.regex-invalid");
    expect(codeOf("a**").code).toBe("srx.regex-invalid");
  });
});
