import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { Bundle } from "../../../../src/core/model/bundle.ts";
import { AppError } from "../../../../src/core/model/app-error.ts";
import {
  CODE_END,
  CODE_START,
  flattenInlineCodes,
} from "../../../../src/core/format/tmx/inline-codes.ts";
import { readXliff } from "../../../../src/core/format/xliff/read-xliff.ts";
import { writeXliff12 } from "../../../../src/core/format/xliff/write-xliff12.ts";
import { writeXliff2 } from "../../../../src/core/format/xliff/write-xliff2.ts";
import { writeXliffFiles } from "../../../../src/core/format/xliff/write-xliff-files.ts";
import { parseXml, childElements, textContent } from "../../../../src/core/format/xml/parse-xml.ts";
import type { XmlElement } from "../../../../src/core/format/xml/parse-xml.ts";
import { checkXmlSchema, withTempFiles } from "../../../helpers/xml-validators.ts";
import { bundleArb } from "../bundle-arbitraries.ts";

// Real tools (xmllint, python) and property runs: generous on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

const BOLD = `${CODE_START}<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>${CODE_END}`;
const UNBOLD = `${CODE_START}<ept i="1">&lt;/b&gt;</ept>${CODE_END}`;
const BUNDLE: Bundle = {
  documents: [
    {
      id: "doc 1",
      title: "Banjir & hujan",
      sourceLang: "id",
      segments: [
        {
          id: "s1",
          paragraph: 0,
          source: `Hujan ${BOLD}deras${UNBOLD}.`,
          targets: {
            vi: { text: `Mưa ${BOLD}lớn${UNBOLD}.`, status: "approved" },
            en: { text: "Heavy rain.", status: "draft" },
          },
        },
        {
          id: "s1",
          paragraph: 1,
          source: "Sumber: <x> & y",
          targets: { vi: { text: "Nguồn", status: "rejected" } },
        },
      ],
    },
  ],
};

function root(text: string): XmlElement {
  let out: XmlElement | undefined;
  parseXml(text, { onClose: (el, d) => void (d === 0 && (out = el)) }, { codePrefix: "t" });
  return out!;
}

const XSD2 = "xliff_core_2.0.xsd";
const XSD12 = "xliff-core-1.2-strict.xsd";

function valid(texts: string[], xsd: string) {
  return withTempFiles(
    texts.map((content, i) => ({ name: `f${i}.xlf`, content })),
    (paths) => checkXmlSchema(paths, xsd),
  );
}

describe("writeXliff2", () => {
  it("writes one file per document, one unit per segment, states and original data", () => {
    const out = writeXliff2(BUNDLE, { targetLang: "vi" });
    const xliff = root(out);
    expect(xliff.attrs).toMatchObject({ version: "2.0", srcLang: "id", trgLang: "vi" });
    const file = childElements(xliff, "file")[0]!;
    expect(file.attrs).toEqual({ id: "f1", original: "Banjir & hujan" });
    const units = childElements(file, "unit");
    expect(units.map((u) => u.attrs["id"])).toEqual(["s1", "u1"]);
    const seg = childElements(units[0]!, "segment")[0]!;
    expect(seg.attrs).toEqual({ state: "final", subState: "selaras:approved" });
    expect(out).toContain('<data id="d1">&lt;b&gt;</data>');
    expect(out).toContain(
      '<target xml:space="preserve">Mưa <sc id="c1" dataRef="d1"/>lớn<ec startRef="c1" dataRef="d2"/>.</target>',
    );
    expect(textContent(childElements(childElements(units[1]!, "segment")[0]!, "source")[0]!)).toBe(
      "Sumber: <x> & y",
    );
    expect(valid([out, writeXliff2(BUNDLE, { targetLang: "en" })], XSD2)).toEqual({
      ok: true,
      detail: "",
    });
  });

  it("the schema check really rejects an invalid state", () => {
    const out = writeXliff2(BUNDLE, { targetLang: "vi" });
    expect(valid([out.replace('state="final"', 'state="approved"')], XSD2).ok).toBe(false);
    expect(
      valid([writeXliff12(BUNDLE, { targetLang: "vi" }).replace("signed-off", "approved")], XSD12)
        .ok,
    ).toBe(false);
  });

  it("leaves out targets whose status is not asked for", () => {
    const out = writeXliff2(BUNDLE, { targetLang: "vi", statuses: ["approved"] });
    expect(out.match(/<target/g)).toHaveLength(1);
  });

  it("refuses a bundle without segments (a 2.0 file needs a unit)", () => {
    expect(() => writeXliff2({ documents: [] }, { targetLang: "vi" })).toThrow(AppError);
  });
});

describe("writeXliff12", () => {
  it("writes trans-units with states, approved and paired codes as bpt/ept (issue 11 class 3)", () => {
    const out = writeXliff12(BUNDLE, { targetLang: "vi" });
    const file = childElements(root(out), "file")[0]!;
    expect(file.attrs).toEqual({
      original: "Banjir & hujan",
      "source-language": "id",
      "target-language": "vi",
      datatype: "plaintext",
    });
    const units = childElements(childElements(file, "body")[0]!, "trans-unit");
    expect(units.map((u) => [u.attrs["id"], u.attrs["approved"]])).toEqual([
      ["s1", "yes"],
      ["u1", undefined],
    ]);
    expect(childElements(units[1]!, "target")[0]!.attrs["state"]).toBe("x-rejected");
    expect(out).toContain(
      '<source>Hujan <bpt id="1">&lt;b&gt;</bpt>deras<ept id="1">&lt;/b&gt;</ept>.</source>',
    );
    expect(valid([out], XSD12)).toEqual({ ok: true, detail: "" });
  });
});

describe("XLIFF output is schema-valid for arbitrary text (property)", () => {
  it("2.0 and 1.2, both target languages", () => {
    const files2: string[] = [];
    const files12: string[] = [];
    fc.assert(
      fc.property(bundleArb({ maxDocs: 2 }), (bundle) => {
        for (const targetLang of ["vi", "en"] as const) {
          try {
            files2.push(writeXliff2(bundle, { targetLang }));
            files12.push(writeXliff12(bundle, { targetLang }));
          } catch (e) {
            expect((e as AppError).code).toBe("xliff.nothing-to-export");
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(files2.length).toBeGreaterThan(20);
    expect(valid(files2, XSD2)).toEqual({ ok: true, detail: "" });
    expect(valid(files12, XSD12)).toEqual({ ok: true, detail: "" });
  });
});

/** Issue 11 class 8: XLIFF of English- and Vietnamese-source documents. */
describe("writeXliffFiles", () => {
  const doc = (id: string, sourceLang: "id" | "vi" | "en", target: "vi" | "en") => ({
    id,
    title: id,
    sourceLang,
    segments: [
      {
        id: `${id}-1`,
        paragraph: 0,
        source: "Text.",
        targets: { [target]: { text: "Teks.", status: "translated" as const } },
      },
    ],
  });

  it("writes the language a document can be translated into, and leaves out its own", () => {
    for (const [source, other] of [
      ["en", "vi"],
      ["vi", "en"],
    ] as const) {
      const bundle: Bundle = { documents: [doc("d", source, other)] };
      for (const version of ["1.2", "2.0"] as const) {
        const { files, empty } = writeXliffFiles(bundle, { version });
        expect(files.map((f) => [f.targetLang, f.sourceLang])).toEqual([[other, undefined]]);
        expect(empty).toEqual([]);
        expect(valid([files[0]!.text], version === "2.0" ? XSD2 : XSD12)).toEqual({
          ok: true,
          detail: "",
        });
        expect(writeXliffFiles(bundle, { version, languages: ["vi", "en"] }).empty).toEqual([
          source,
        ]);
      }
    }
  });

  it("refuses, naming the languages, only when no file can be written", () => {
    const bundle: Bundle = { documents: [doc("d", "en", "vi")] };
    try {
      writeXliffFiles(bundle, { version: "2.0", languages: ["en"] });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).toInfo()).toEqual({
        code: "xliff.nothing-to-export",
        params: { languages: "en", sources: "en" },
      });
    }
  });

  it("2.0: one file per source language (a file has one srcLang); 1.2: one per target language", () => {
    const bundle: Bundle = {
      documents: [doc("a", "id", "vi"), doc("b", "en", "vi"), doc("c", "vi", "en")],
    };
    const two = writeXliffFiles(bundle, { version: "2.0" }).files;
    expect(two.map((f) => `${f.sourceLang}-${f.targetLang}`)).toEqual([
      "id-vi",
      "en-vi",
      "id-en",
      "vi-en",
    ]);
    expect(two[1]!.text).toContain('srcLang="en" trgLang="vi"');
    expect(
      valid(
        two.map((f) => f.text),
        XSD2,
      ),
    ).toEqual({ ok: true, detail: "" });
    const twelve = writeXliffFiles(bundle, { version: "1.2" }).files;
    expect(twelve.map((f) => f.targetLang)).toEqual(["vi", "en"]);
    expect(twelve[0]!.text.match(/<file /g)).toHaveLength(2);
  });
});

// ---------------------------------------------------------------- XLIFF 2.0 <ignorable> (issue 11)

/** An XLIFF 2.0 file of one `<file>` (its attributes) holding `units`. */
const xliff2 = (units: string, fileAttrs = "", trgLang = "vi") => `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="id" trgLang="${trgLang}">
 <file id="f1"${fileAttrs}>
${units}
 </file>
</xliff>`;

/** Every segment's id, source and Vietnamese target text (codes as their native code). */
const segTexts = (read: ReturnType<typeof readXliff>) =>
  read.bundle.documents.flatMap((d) =>
    d.segments.map((s) => [
      s.id,
      flattenInlineCodes(s.source),
      s.targets.vi ? flattenInlineCodes(s.targets.vi.text) : null,
    ]),
  );

/** Written as XLIFF 1.2: valid, and read back to the same segments. */
function as12(read: ReturnType<typeof readXliff>, targetLang: "vi" | "en" = "vi"): string {
  const x12 = writeXliff12(read.bundle, { targetLang, structure: read.structure });
  expect(valid([x12], XSD12)).toEqual({ ok: true, detail: "" });
  const back = readXliff(x12, { fileName: "back.xlf" });
  if (targetLang === "vi") expect(segTexts(back)).toEqual(segTexts(read));
  return x12;
}

describe("XLIFF 2.0 <ignorable> written as XLIFF 1.2 and 2.0 (issue 11)", () => {
  it("an ignorable before the first or after the last segment stays in 1.2 (one segment too)", () => {
    const read = readXliff(
      xliff2(`  <unit id="1">
   <ignorable><source>- </source><target>- </target></ignorable>
   <segment><source>Hello.</source><target>Xin chào.</target></segment>
   <ignorable><source> (1)</source><target> (1)</target></ignorable>
  </unit>
  <unit id="2">
   <ignorable><source>* </source></ignorable>
   <segment id="a"><source>One.</source></segment>
   <ignorable><source> </source></ignorable>
   <segment id="b"><source>Two.</source></segment>
   <ignorable><source> ¶</source></ignorable>
  </unit>`),
      { fileName: "f.xlf" },
    );
    const x12 = as12(read);
    expect(x12).toContain("<source>- Hello. (1)</source>");
    expect(x12).toContain('<seg-source>- <mrk mtype="seg" mid="1">Hello.</mrk> (1)</seg-source>');
    expect(x12).toContain('- <mrk mtype="seg" mid="1">Xin chào.</mrk> (1)</target>');
    expect(x12).toContain("<source>* One. Two. ¶</source>");
    expect(x12).toContain(
      '<seg-source>* <mrk mtype="seg" mid="a">One.</mrk> <mrk mtype="seg" mid="b">Two.</mrk> ¶</seg-source>',
    );
    // And 1.2 read back and written again keeps them (the text outside the marks).
    const again = readXliff(x12, { fileName: "back.xlf" });
    const x12again = writeXliff12(again.bundle, { targetLang: "vi", structure: again.structure });
    expect(x12again).toContain("<source>- Hello. (1)</source>");
    expect(x12again).toContain('- <mrk mtype="seg" mid="1">Xin chào.</mrk> (1)</target>');
    expect(x12again).toContain("<source>* One. Two. ¶</source>");
  });

  it("the ignorables stay when a unit's segments are written as separate trans-units", () => {
    // Two states: 1.2 has one per trans-unit, so each segment is its own trans-unit.
    const read = readXliff(
      xliff2(`  <unit id="1">
   <ignorable><source>- </source></ignorable>
   <segment id="a" state="translated"><source>One.</source><target>Một.</target></segment>
   <ignorable><source> </source></ignorable>
   <segment id="b" state="final"><source>Two.</source><target>Hai.</target></segment>
   <ignorable><source> ¶</source></ignorable>
  </unit>`),
      { fileName: "f.xlf" },
    );
    const x12 = as12(read);
    expect(x12.match(/<trans-unit /g)).toHaveLength(2);
    expect(x12).toContain('<seg-source>- <mrk mtype="seg" mid="a">One.</mrk></seg-source>');
    expect(x12).toContain('<seg-source> <mrk mtype="seg" mid="b">Two.</mrk> ¶</seg-source>');
  });

  it("inline codes in an ignorable become 1.2 inline codes, as in a segment", () => {
    const read = readXliff(
      xliff2(`  <unit id="1">
   <originalData><data id="d1">&lt;br/></data></originalData>
   <segment id="s1"><source>Nice <ph id="1"/> and <ph id="2" dataRef="d1"/>:</source></segment>
   <ignorable id="i1"><source> <ph id="3"/>. <ph id="4" dataRef="d1"/></source></ignorable>
   <segment id="s2"><source>The cat.</source></segment>
  </unit>`),
      { fileName: "f.xlf" },
    );
    const x12 = as12(read);
    const source = /<source>([\s\S]*?)<\/source>/.exec(x12)![1]!;
    const segSource = /<seg-source>([\s\S]*?)<\/seg-source>/.exec(x12)![1]!;
    // The codes of the segment, and those of the ignorable written the same way.
    const code = (native: string) => `<ph id="[^"]+">${native}</ph>`;
    const seg1 = `Nice ${code('&lt;ph id="1"/&gt;')} and ${code("&lt;br/&gt;")}:`;
    const gap = ` ${code('&lt;ph id="3"/&gt;')}. ${code("&lt;br/&gt;")}`;
    expect(source).toMatch(new RegExp(`^${seg1}${gap}The cat\\.$`));
    expect(segSource).toMatch(
      new RegExp(`^<mrk mtype="seg" mid="s1">${seg1}</mrk>${gap}<mrk mtype="seg" mid="s2">`),
    );
    // Unique ids within the trans-unit.
    const ids = [...source.matchAll(/<ph id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(4);
    // 1.2 read back and written again: the codes are still codes outside the segments.
    const again = readXliff(x12, { fileName: "back.xlf" });
    const x12again = writeXliff12(again.bundle, { targetLang: "vi", structure: again.structure });
    expect(/<source>([\s\S]*?)<\/source>/.exec(x12again)![1]).toBe(source);
  });

  it("the <originalData> an ignorable's codes refer to is written with it (2.0)", () => {
    const read = readXliff(
      xliff2(`  <unit id="1">
   <originalData><data id="d1">&lt;b></data><data id="d2">&lt;br/></data><data id="d3">[end]</data></originalData>
   <segment><source>A <ph id="1" dataRef="d1"/>.</source></segment>
   <ignorable><source> <ph id="2" dataRef="d2"/> </source></ignorable>
   <segment><source>B.</source></segment>
   <ignorable><source><ph id="3" dataRef="d3"/></source></ignorable>
  </unit>`),
      { fileName: "f.xlf" },
    );
    const x2 = writeXliff2(read.bundle, { targetLang: "vi", structure: read.structure });
    expect(valid([x2], XSD2)).toEqual({ ok: true, detail: "" });
    expect(x2).toContain('<data id="d2">&lt;br/&gt;</data>');
    expect(x2).toContain('<data id="d3">[end]</data>');
    expect(x2).toContain('<ignorable><source> <ph id="2" dataRef="d2"/> </source></ignorable>');
    expect(x2).toContain('<ignorable><source><ph id="3" dataRef="d3"/></source></ignorable>');
    // Read back: the same content outside the segments, codes with their data.
    const back = readXliff(x2, { fileName: "back.xlf" });
    const outside = (r: typeof read) =>
      [...r.structure.values()].flatMap((m) => [...m.values()].map((sh) => [sh.gap, sh.tail]));
    expect(outside(back)).toEqual(outside(read));
    expect(outside(read).flat().join("")).toContain("&lt;br/&gt;");
    expect(as12(read)).toMatch(
      /<source>A <ph id="[^"]+">&lt;b&gt;<\/ph>\. <ph id="[^"]+">&lt;br\/&gt;<\/ph> B\.<ph id="[^"]+">\[end\]<\/ph><\/source>/,
    );

    // A data id taken by another content first (a code added in Selaras): the ignorable's
    // code refers to a fresh id holding its own data.
    const seg = read.bundle.documents[0]!.segments[0]!;
    seg.source = `${CODE_START}<ph>{0}</ph>${CODE_END}${seg.source}`;
    const again = writeXliff2(read.bundle, { targetLang: "vi", structure: read.structure });
    expect(valid([again], XSD2)).toEqual({ ok: true, detail: "" });
    const data = new Map(
      [...again.matchAll(/<data id="([^"]+)">([^<]*)<\/data>/g)].map((m) => [m[1], m[2]]),
    );
    const ref = (id: string) => new RegExp(`<ph id="${id}" dataRef="([^"]+)"/>`).exec(again)![1]!;
    expect([ref("1"), ref("2"), ref("3")].map((d) => data.get(d))).toEqual([
      "&lt;b&gt;",
      "&lt;br/&gt;",
      "[end]",
    ]);
    expect(new Set([ref("1"), ref("2"), ref("3")]).size).toBe(3);
  });

  it("an ignorable's xml:space=preserve inherited from <file> or <unit> is written (2.0 and 1.2)", () => {
    const units = `  <unit id="1">
   <segment><source>A.</source><target>A.</target></segment>
   <ignorable><source>  \n\t </source><target>  \n\t </target></ignorable>
   <segment><source>B.</source><target>B.</target></segment>
  </unit>
  <unit id="2" xml:space="default">
   <segment><source>C.</source></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>D.</source></segment>
   <ignorable><source xml:space="preserve">  </source></ignorable>
  </unit>`;
    for (const [fileAttrs, unit1] of [
      [' xml:space="preserve"', units],
      ["", units.replace('<unit id="1">', '<unit id="1" xml:space="preserve">')],
    ] as const) {
      const read = readXliff(xliff2(unit1, fileAttrs), { fileName: "f.xlf" });
      const x2 = writeXliff2(read.bundle, { targetLang: "vi", structure: read.structure });
      expect(valid([x2], XSD2)).toEqual({ ok: true, detail: "" });
      expect(x2).toContain(
        '<ignorable><source xml:space="preserve">  &#10;\t </source><target xml:space="preserve">  &#10;\t </target></ignorable>',
      );
      // Under xml:space="default" nothing is added; an ignorable's own attribute stays.
      expect(x2).toContain("<ignorable><source> </source></ignorable>");
      expect(x2).toContain('<ignorable><source xml:space="preserve">  </source></ignorable>');
      // Read back: the same ignorables, the whitespace kept.
      const back = readXliff(x2, { fileName: "back.xlf" });
      const ignorables = (r: typeof read) =>
        [...r.structure.values()].flatMap((m) =>
          [...m.values()].flatMap((s) => [...(s.before ?? []), ...(s.after ?? [])]),
        );
      expect(ignorables(back)).toEqual(ignorables(read));
      const x12 = as12(read);
      expect(x12).toContain("<source>A.  &#10;\t B.</source>");
      expect(x12).toContain('>A.</mrk>  &#10;\t <mrk mtype="seg" mid="2">B.</mrk></target>');
    }
  });

  it("an ignorable's target is written only into a file of the language it was read in", () => {
    const units = `  <unit id="1">
   <segment><source>Frodo</source><target>Frodo</target></segment>
   <ignorable><source>: </source><target> : </target></ignorable>
   <segment><source>I wish.</source><target>Tôi ước.</target></segment>
   <ignorable><source> (1)</source><target> (một)</target></ignorable>
  </unit>`;
    const read = readXliff(xliff2(units), { fileName: "f.xlf" });
    // The same file, its segments translated into English too (as the app would).
    for (const seg of read.bundle.documents[0]!.segments)
      seg.targets.en = { text: `EN ${seg.source}`, status: "translated" };

    // vi (the file's language): the ignorables' targets as they came.
    const vi2 = writeXliff2(read.bundle, { targetLang: "vi", structure: read.structure });
    expect(vi2).toContain("<ignorable><source>: </source><target> : </target></ignorable>");
    expect(vi2).toContain("<ignorable><source> (1)</source><target> (một)</target></ignorable>");
    const vi12 = as12(read);
    expect(vi12).toContain('>Frodo</mrk> : <mrk mtype="seg" mid="2">Tôi ước.</mrk> (một)</target>');

    // en: the Vietnamese target text is not passed off as English (the source stays).
    const en2 = writeXliff2(read.bundle, { targetLang: "en", structure: read.structure });
    expect(valid([en2], XSD2)).toEqual({ ok: true, detail: "" });
    expect(en2).toContain("<ignorable><source>: </source></ignorable>");
    expect(en2).toContain("<ignorable><source> (1)</source></ignorable>");
    expect(en2).not.toContain("một");
    const en12 = as12(read, "en");
    expect(en12).toContain("<source>Frodo: I wish. (1)</source>");
    expect(en12).toContain(
      '<target state="translated"><mrk mtype="seg" mid="1">EN Frodo</mrk><mrk mtype="seg" mid="2">EN I wish.</mrk></target>',
    );

    // A file in a language Selaras has no column for (its targets are not read): nor its
    // ignorables' targets.
    const de = readXliff(xliff2(units, "", "de"), { fileName: "f.xlf" });
    const de2 = writeXliff2(de.bundle, { targetLang: "vi", structure: de.structure });
    expect(de2).toContain("<ignorable><source>: </source></ignorable>");
    expect(de2).not.toContain("<target");
    expect(writeXliff12(de.bundle, { targetLang: "vi", structure: de.structure })).not.toContain(
      "<target",
    );
  });
});
