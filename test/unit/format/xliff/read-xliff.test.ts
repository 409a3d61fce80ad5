import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { AppError } from "../../../../src/core/model/app-error.ts";
import type { Bundle } from "../../../../src/core/model/bundle.ts";
import type { TargetLang } from "../../../../src/core/model/languages.ts";
import { flattenInlineCodes } from "../../../../src/core/format/tmx/inline-codes.ts";
import { readJson } from "../../../../src/core/format/json/read-json.ts";
import { writeJson } from "../../../../src/core/format/json/write-json.ts";
import { readXliff } from "../../../../src/core/format/xliff/read-xliff.ts";
import { writeXliff12 } from "../../../../src/core/format/xliff/write-xliff12.ts";
import { writeXliff2 } from "../../../../src/core/format/xliff/write-xliff2.ts";
import { normalizeForXml } from "../../../../src/core/format/xml/xml-chars.ts";
import { REPO_ROOT } from "../../../helpers/xml-validators.ts";
import { bundleArb } from "../bundle-arbitraries.ts";

vi.setConfig({ testTimeout: 60_000 });

import { withContentIdPlaceholder } from "../content-id-placeholder.ts";

const FIXTURES = path.join(REPO_ROOT, "test/fixtures/xliff");

describe("readXliff golden fixtures (schema-valid files from other tools' conventions)", () => {
  for (const name of ["foreign-2.0", "foreign-1.2"]) {
    it(name, () => {
      const text = readFileSync(path.join(FIXTURES, `${name}.xlf`), "utf8");
      const expected = JSON.parse(
        readFileSync(path.join(FIXTURES, `${name}.expected.json`), "utf8"),
      );
      // The structure (units, ignorables) is tested with the writers (xliff-classes.test.ts).
      const {
        structure: _structure,
        otherTargets,
        repeatedIds,
        ...read
      } = readXliff(text, {
        fileName: `${name}.xlf`,
      });
      expect({ ...read, bundle: withContentIdPlaceholder(read.bundle) }).toStrictEqual(expected);
      // Their target language has a column: nothing is kept aside.
      expect(otherTargets.size).toBe(0);
      expect(repeatedIds).toBe(0);
    });
  }
});

/** Segment texts as they must come back: normalized, codes compared by their native markup. */
function view(bundle: Bundle, lang: TargetLang, version: "2.0" | "1.2") {
  const sourceLang = bundle.documents.find((d) => d.segments.length > 0)?.sourceLang;
  return bundle.documents
    .filter((d) => d.segments.length > 0 && d.sourceLang === sourceLang && d.sourceLang !== lang)
    .flatMap((d) =>
      d.segments.map((s) => {
        const t = s.targets[lang];
        const text = t ? flattenInlineCodes(normalizeForXml(t.text)) : "";
        const status = t && version === "1.2" && t.status === "empty" ? "draft" : t?.status;
        return [
          s.id,
          flattenInlineCodes(normalizeForXml(s.source)),
          text === "" ? null : [text, status],
        ];
      }),
    );
}

describe("XLIFF round trip (property)", () => {
  it("writeXliff2 / writeXliff12 → readXliff keeps ids, texts and statuses", () => {
    fc.assert(
      fc.property(
        bundleArb({ maxDocs: 2 }),
        fc.constantFrom<TargetLang>("vi", "en"),
        (bundle, lang) => {
          for (const [version, write] of [
            ["2.0", writeXliff2],
            ["1.2", writeXliff12],
          ] as const) {
            let xml: string;
            try {
              xml = write(bundle, { targetLang: lang });
            } catch (e) {
              expect((e as AppError).code).toBe("xliff.nothing-to-export");
              continue;
            }
            const back = readXliff(xml);
            expect(back.version).toBe(version);
            const expected =
              version === "2.0" ? view(bundle, lang, version) : view(bundle, lang, version);
            const got = back.bundle.documents.flatMap((d) =>
              d.segments.map((s) => {
                const t = s.targets[lang];
                return [
                  s.id,
                  flattenInlineCodes(s.source),
                  t ? [flattenInlineCodes(t.text), t.status] : null,
                ];
              }),
            );
            // 1.2 files hold every document whatever its source language; 2.0 only the first one's.
            if (version === "2.0") expect(got).toEqual(expected);
            else expect(got.filter((g) => expected.some((e) => e[0] === g[0]))).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("readXliff errors", () => {
  const code = (text: string) => {
    try {
      readXliff(text, { fileName: "f.xlf" });
    } catch (e) {
      return (e as AppError).code;
    }
    return "ok";
  };
  it.each([
    ["<tmx/>", "xliff.wrong-root"],
    ['<xliff version="3.0"/>', "xliff.unsupported-version"],
    ['<xliff version="2.0"><file id="f"/></xliff>', "xliff.missing-source-language"],
    [
      '<xliff version="2.0" srcLang="fr"><file id="f"/></xliff>',
      "xliff.unsupported-source-language",
    ],
    ['<!DOCTYPE x [<!ENTITY a "b">]><xliff version="2.0"/>', "xliff.entity-declaration"],
    ['<xliff version="2.0" srcLang="id"><file id="f">', "xliff.truncated"],
  ])("%s → %s", (text, expected) => {
    expect(code(text)).toBe(expected);
  });
});

describe("XLIFF 2.0 <ignorable> (issue 11)", () => {
  // As Okapi writes it (filters/xliff2 roundtrips/update_target_output.xlf): the text between
  // two sentences of a unit in an <ignorable>, not in either segment.
  const TWO_SENTENCES = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="vi">
 <file id="f1">
  <unit id="2">
   <segment><source>Frodo</source><target>Frodo</target></segment>
   <ignorable><source xml:space="preserve">: </source><target xml:space="preserve">: </target></ignorable>
   <segment><source>I wish.</source><target>Tôi ước.</target></segment>
  </unit>
 </file>
</xliff>`;

  it("is written back in XLIFF 2.0 where it was, its text untouched", () => {
    const read = readXliff(TWO_SENTENCES, { fileName: "f.xlf" });
    const x2 = writeXliff2(read.bundle, { targetLang: "vi", structure: read.structure });
    expect(x2).toMatch(
      /<\/segment>\s*<ignorable><source xml:space="preserve">: <\/source><target xml:space="preserve">: <\/target><\/ignorable>\s*<segment\b/,
    );
  });

  it("its source text stays between the segments in XLIFF 1.2 (source and seg-source)", () => {
    const read = readXliff(TWO_SENTENCES, { fileName: "f.xlf" });
    const x12 = writeXliff12(read.bundle, { targetLang: "vi", structure: read.structure });
    expect(x12).toContain("<source>Frodo: I wish.</source>");
    expect(x12).toContain('<mrk mtype="seg" mid="1">Frodo</mrk>: <mrk mtype="seg" mid="2">');
    // Read back: the same two segments, the text between them kept as the seg-source gap.
    const back = readXliff(x12, { fileName: "back.xlf" });
    const segs = back.bundle.documents.flatMap((d) => d.segments);
    expect(segs.map((s) => [s.source, s.targets.vi?.text])).toEqual([
      ["Frodo", "Frodo"],
      ["I wish.", "Tôi ước."],
    ]);
  });
});

describe("repeated ids are kept under new ids, counted (issue 11)", () => {
  // Invalid XLIFF (OASIS core/invalid bad_FileIdNotUnique.xlf, bad_SegmentIdNotUnique.xlf; matecat
  // v2-duplicate-ids.xliff: schema-valid, but unit ids must be unique in a <file>): still work to
  // do, read with unique ids as the TMX reader keeps a repeated tuid; whatever Selaras writes from
  // it reads back (the JSON of the first was refused, json.duplicate-id; the 1.2 of the second,
  // xliff.duplicate-id; the third was refused on reading).
  const X2 =
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="vi">';
  const u = (id: string, text: string) =>
    `<unit id="${id}"><segment><source>${text}</source><target>${text}!</target></segment></unit>`;
  it.each([
    [
      "a file id twice",
      `${X2}<file id="1twice">${u("1", "a")}</file><file id="1twice">${u("1", "b")}</file></xliff>`,
      ["1twice", "1twice_2"],
      ["1", "1_2"],
    ],
    [
      "a segment id twice in a unit",
      `${X2}<file id="f1"><unit id="1"><segment id="s1twice"><source>a</source></segment><segment id="s1twice"><source>b</source></segment></unit></file></xliff>`,
      ["f1"],
      ["1_s1twice", "1_s1twice_2"],
    ],
    [
      "a unit id twice in a file (2.0)",
      `${X2}<file id="f1">${u("tu1", "a")}${u("tu1", "b")}</file></xliff>`,
      ["f1"],
      ["tu1", "tu1_2"],
    ],
    [
      "a trans-unit id twice in a file (1.2)",
      '<xliff version="1.2"><file original="a" source-language="en" target-language="vi" datatype="plaintext"><body><trans-unit id="1"><source>a</source></trans-unit><trans-unit id="1"><source>b</source></trans-unit></body></file></xliff>',
      null,
      ["1", "1_2"],
    ],
  ])("%s", (_, text, docIds, segIds) => {
    const read = readXliff(text, { fileName: "in.xlf" });
    const docs = read.bundle.documents;
    if (docIds) expect(docs.map((d) => d.id)).toEqual(docIds);
    expect(docs.flatMap((d) => d.segments.map((s) => s.id))).toEqual(segIds);
    expect(read.repeatedIds).toBe(1);
    const sources = docs.flatMap((d) => d.segments.map((s) => s.source));
    const json = writeJson(read.bundle, { exportedAt: new Date(0), toolVersion: "test" });
    const fromJson = readJson(json, { fileName: "out.json" });
    expect(fromJson.documents.flatMap((d) => d.segments.map((s) => s.source))).toEqual(sources);
    for (const out of [
      writeXliff2(read.bundle, { targetLang: "vi", structure: read.structure }),
      writeXliff12(read.bundle, { targetLang: "vi", structure: read.structure }),
    ]) {
      const back = readXliff(out, { fileName: "out.xlf" });
      expect(back.bundle.documents.flatMap((d) => d.segments.map((s) => s.source))).toEqual(
        sources,
      );
      expect(back.repeatedIds).toBe(0);
    }
  });
});

describe("an XLIFF into Indonesian (the source column, not a target column)", () => {
  it("is read with its English sources, its Indonesian targets kept aside, not refused", () => {
    const xlf = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.docx" source-language="en" target-language="id" datatype="x-undefined"><body>
      <trans-unit id="1"><source>Good morning.</source><target>Selamat pagi.</target></trans-unit>
      <trans-unit id="2"><source>Thank you.</source></trans-unit>
    </body></file></xliff>`;
    const read = readXliff(xlf, { fileName: "calibre.docx.xliff" });
    expect(read.bundle.documents[0]!.sourceLang).toBe("en");
    expect(read.bundle.documents[0]!.segments.map((s) => s.source)).toEqual([
      "Good morning.",
      "Thank you.",
    ]);
    expect(read.targetLang).toBeNull();
    expect(read.droppedTargets).toBe(1);
    expect([...read.otherTargets.values()]).toEqual(["Selamat pagi."]);
  });
});
