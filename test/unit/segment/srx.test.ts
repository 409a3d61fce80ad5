import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseSrx, readSrx, writeSrx } from "../../../src/core/segment/srx.ts";
import { BUILTIN_RULES } from "../../../src/core/segment/builtin/builtin-rules.ts";
import { segmentParagraph } from "../../../src/core/segment/segment.ts";
import { AppError } from "../../../src/core/model/app-error.ts";
import { LANGS } from "../../../src/core/model/languages.ts";
import type { SegmentationRules } from "../../../src/core/segment/rules.ts";
import { loadGold } from "./gold.ts";

const SCHEMA = "/work/shared/standards/srx20.xsd";
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/segment/srx/${name}`, import.meta.url), "utf8");
const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!hasXmllint) {
  console.warn(
    "xmllint not found (Debian: libxml2-utils): the SRX schema validation test is skipped",
  );
}

function errorOf(xml: string): AppError {
  try {
    parseSrx(xml);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const wrap = (body: string, header = '<header segmentsubflows="yes" cascade="yes"/>') =>
  `<?xml version="1.0"?>\n<srx xmlns="http://www.lisa.org/srx20" version="2.0">${header}<body>${body}</body></srx>`;

describe("writeSrx", () => {
  it.skipIf(!hasXmllint)(
    "writes the built-in rules as SRX valid against srx20.xsd (xmllint)",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "selaras-srx-"));
      const file = join(dir, "builtin.srx");
      writeFileSync(file, writeSrx(BUILTIN_RULES));
      const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], {
        encoding: "utf8",
      });
      expect(result.stderr).toBe(`${file} validates\n`);
      expect(result.status).toBe(0);
    },
  );

  it("round-trips the built-in rules: SRX → parse gives identical rules and segmentation", () => {
    const back = parseSrx(writeSrx(BUILTIN_RULES));
    expect(back).toEqual(BUILTIN_RULES);
    for (const lang of LANGS) {
      for (const p of loadGold(lang)) {
        expect(segmentParagraph(p.text, lang, { rules: back })).toEqual(
          segmentParagraph(p.text, lang),
        );
      }
    }
  });

  it("escapes XML specials and characters XML cannot carry, and keeps case-insensitivity", () => {
    const rules: SegmentationRules = {
      cascade: false,
      languageRules: [
        {
          name: 'A&B <"x">',
          rules: [
            { break: false, beforeBreak: "a<b>&c\u0001", afterBreak: "\\s", caseInsensitive: true },
            { break: true, beforeBreak: "[.!?]", afterBreak: "" },
          ],
        },
      ],
      maps: [{ languagePattern: "x<y>.*", ruleName: 'A&B <"x">' }],
    };
    const xml = writeSrx(rules);
    expect(xml).not.toContain("\u0001");
    const back = parseSrx(xml);
    expect(back.languageRules[0]!.name).toBe('A&B <"x">');
    expect(back.languageRules[0]!.rules[0]).toEqual({
      break: false,
      beforeBreak: "a<b>&c\\u0001",
      afterBreak: "\\s",
      caseInsensitive: true,
    });
    expect(new RegExp(back.languageRules[0]!.rules[0]!.beforeBreak, "u").test("a<b>&c\u0001")).toBe(
      true,
    );
    expect(back.maps).toEqual(rules.maps);
  });

  it("round-trips arbitrary literal rules (property)", () => {
    const literal = fc
      .string({ maxLength: 12 })
      .map((s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"));
    const ruleArb = fc.record({ break: fc.boolean(), beforeBreak: literal, afterBreak: literal });
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (list, cascade) => {
          const rules: SegmentationRules = {
            cascade,
            languageRules: [{ name: "R", rules: list }],
            maps: [{ languagePattern: ".*", ruleName: "R" }],
          };
          const back = parseSrx(writeSrx(rules));
          back.languageRules[0]!.rules.forEach((rule, i) => {
            const original = list[i]!;
            expect(rule.break).toBe(original.break);
            const probe = original.beforeBreak.replace(/\\(.)/g, "$1");
            expect(new RegExp(`^(?:${rule.beforeBreak})$`, "u").test(probe)).toBe(true);
          });
        },
      ),
    );
  });
});

describe("parseSrx", () => {
  it("reads a Java-style rule file (OmegaT/Okapi constructs) and applies it with cascade", () => {
    const rules = parseSrx(fixture("java-style.srx"));
    expect(rules.cascade).toBe(true);
    expect(rules.languageRules.map((r) => r.name)).toEqual(["Indonesian", "English", "Default"]);
    expect(
      segmentParagraph("Ia tinggal di Jl. Merdeka s.d. Jl. Sudirman. Dr. Ani datang.", "id", {
        rules,
      }),
    ).toEqual(["Ia tinggal di Jl. Merdeka s.d. Jl. Sudirman.", "Dr. Ani datang."]);
    expect(
      segmentParagraph("MR. Holmes is from the U.K. not the U.S. Is Dr. Watson?", "en", { rules }),
    ).toEqual(["MR. Holmes is from the U.K. not the U.S.", "Is Dr. Watson?"]);
    expect(segmentParagraph("1. Pertama. Kedua?\nKetiga", "vi", { rules })).toEqual([
      "1. Pertama.",
      "Kedua?",
      "Ketiga",
    ]);
  });

  it("applies only the first matching map when cascade is no", () => {
    const xml = fixture("java-style.srx").replace('cascade="yes"', 'cascade="no"');
    const rules = parseSrx(xml);
    // Only the Indonesian exceptions apply: there is no break rule at all.
    expect(segmentParagraph("Ia datang. Lalu pergi.", "id", { rules })).toEqual([
      "Ia datang. Lalu pergi.",
    ]);
  });

  it("refuses DOCTYPE declarations (no custom entities)", () => {
    const xml = `<!DOCTYPE srx [<!ENTITY x "boom">]>\n<srx xmlns="http://www.lisa.org/srx20" version="2.0"/>`;
    const error = errorOf(xml);
    expect(error.code).toBe("srx.doctype-forbidden");
    expect(error.params.line).toBe(1);
  });

  it("reports malformed XML and undefined entities with line and column", () => {
    const broken = errorOf(wrap("<languagerules>").replace("</body>", "</bdy>"));
    expect(broken.code).toBe("srx.malformed");
    expect(broken.params.line).toBe(2);
    expect(typeof broken.params.column).toBe("number");
    expect(errorOf(wrap("&nbsp;")).code).toBe("srx.malformed");
    expect(errorOf("").code).toBe("srx.malformed");
  });

  it("accepts the predefined entities and CDATA in patterns", () => {
    const rules = parseSrx(
      wrap(
        `<languagerules><languagerule languagerulename="D"><rule break="yes"><beforebreak>&lt;/p&gt;</beforebreak><afterbreak><![CDATA[\\s&]]></afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="D"/></maprules>`,
      ),
    );
    expect(rules.languageRules[0]!.rules[0]).toEqual({
      break: true,
      beforeBreak: "</p>",
      afterBreak: "\\s&",
    });
  });

  it.each([
    ['<tmx version="1.4"/>', "srx.not-srx"],
    ['<srx version="2.0"/>', "srx.not-srx"],
    ['<srx xmlns="http://www.lisa.org/srx20" version="1.0"/>', "srx.unsupported-version"],
    [wrap("", "<header/>"), "srx.invalid"],
    [wrap("<languagerules/>"), "srx.invalid"],
    [wrap("<languagerules/><maprules/><extra/>"), "srx.invalid"],
    [
      wrap(
        '<languagerules/><maprules><languagemap languagepattern=".*" languagerulename="Nope"/></maprules>',
      ),
      "srx.unknown-rule-set",
    ],
    [
      wrap(
        '<languagerules><languagerule languagerulename="D"><rule break="maybe"/></languagerule></languagerules><maprules/>',
      ),
      "srx.invalid",
    ],
    [
      wrap(
        '<languagerules><languagerule languagerulename="D"><rule><beforebreak>[a-z&amp;&amp;[^b]]</beforebreak></rule></languagerule></languagerules><maprules/>',
      ),
      "srx.regex-unsupported",
    ],
    [
      wrap(
        '<languagerules><languagerule languagerulename="D"><rule><beforebreak>(</beforebreak></rule></languagerule></languagerules><maprules/>',
      ),
      "srx.regex-invalid",
    ],
  ])("rejects %s with %s", (xml, code) => {
    expect(errorOf(xml).code).toBe(code);
  });

  it("never throws anything but AppError on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseSrx(text);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
        }
      }),
    );
  });
});

/** Issue 11 class 9: real SRX files of OmegaT and Okapi (origins in test/fixtures/README.md). */
describe("readSrx on real files", () => {
  const real = (name: string) => readSrx(fixture(`real/${name}`));
  const ruleOf = (rules: SegmentationRules, set: string, before: string) => {
    const rule = rules.languageRules
      .find((s) => s.name === set)!
      .rules.find((r) =>
        new RegExp(`^(?:${r.beforeBreak})$`, r.caseInsensitive ? "iu" : "u").test(before),
      );
    return rule;
  };

  it("reads OmegaT 3.6's defaultRules.srx (header without cascade: cascades as OmegaT does)", () => {
    const { rules, skipped } = real("omegat-3.6-defaultRules.srx");
    expect(skipped).toEqual([]);
    expect(rules.cascade).toBe(true);
    expect(rules.languageRules).toHaveLength(16);
    expect(rules.languageRules.reduce((n, s) => n + s.rules.length, 0)).toBe(1134);
    expect(ruleOf(rules, "English", "E.G.")?.break).toBe(false);
    expect(
      segmentParagraph("See e.g. the Fig. 3 now. He left! Then home.", "en", { rules }),
    ).toEqual(["See e.g. the Fig. 3 now.", "He left!", "Then home."]);
  });

  it("reads OmegaT's current rules, whose 483 inline (?i) (of 1,584 in the whole file) sit after \\b", () => {
    const xml = fixture("real/omegat-defaultRules-trimmed.srx");
    expect(xml.split("(?i)").length - 1).toBe(483);
    const { rules, skipped } = readSrx(xml);
    expect(skipped).toEqual([]);
    expect(rules.languageRules.map((s) => s.name)).toEqual([
      "Czech",
      "English",
      "Russian",
      "Default",
      "Text",
      "HTML",
    ]);
    // \b(?i)úč\. : the flag after \b applies to the rest, upper case included.
    expect(ruleOf(rules, "Czech", "ÚČ.")?.break).toBe(false);
    expect(ruleOf(rules, "Czech", "úč.")?.break).toBe(false);
    expect(ruleOf(rules, "Russian", "Т.Е.")?.break).toBe(false);
  });

  it("reads Okapi's defaultSegmentation.srx, ((?i)jan|feb|…) case-insensitive to the group's end", () => {
    const { rules, skipped } = real("okapi-defaultSegmentation.srx");
    expect(skipped).toEqual([]);
    expect(rules.cascade).toBe(false);
    for (const month of ["JAN.", "Feb.", "dec."])
      expect(ruleOf(rules, "Default", month)?.break).toBe(false);
    expect(segmentParagraph("It opens on Feb. 5 here. He left!", "en", { rules })).toEqual([
      "It opens on Feb. 5 here.",
      "He left!",
    ]);
  });

  it("leaves out only a rule that cannot be translated, and names it", () => {
    const xml = wrap(
      '<languagerules><languagerule languagerulename="Other"><rule break="no"><beforebreak>[a-z&amp;&amp;[^b]]\\.</beforebreak><afterbreak>\\s</afterbreak></rule><rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="Other"/></maprules>',
    );
    const { rules, skipped } = readSrx(xml);
    expect(rules.languageRules[0]!.rules).toEqual([
      { break: true, beforeBreak: "\\.", afterBreak: "\\s" },
    ]);
    expect(skipped).toEqual([
      {
        ruleSet: "Other",
        line: 2,
        column: expect.any(Number) as number,
        pattern: "[a-z&&[^b]]\\.",
        code: "srx.regex-unsupported",
        feature: "class intersection &&",
      },
    ]);
    // parseSrx stays strict: the first such rule refuses the file.
    expect(errorOf(xml).code).toBe("srx.regex-unsupported");
  });
});
