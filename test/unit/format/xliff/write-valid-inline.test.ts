/**
 * Inline codes read from real XLIFF files are written as schema-valid XLIFF 1.2 and 2.0 (issue 11):
 * attributes a schema does not declare on an inline element, attributes of other namespaces, a
 * required attribute missing, an element of the other XLIFF version. Each input is small, in the
 * style of the real file named; its written 1.2 and 2.0 validate (xmllint stderr empty) and read
 * back with the same texts and the same kinds of codes.
 */
import { describe, expect, it, vi } from "vitest";
import type { Bundle } from "../../../../src/core/model/bundle.ts";
import { splitInlineCodes } from "../../../../src/core/format/tmx/inline-codes.ts";
import { readXliff } from "../../../../src/core/format/xliff/read-xliff.ts";
import { writeXliff12 } from "../../../../src/core/format/xliff/write-xliff12.ts";
import { writeXliff2 } from "../../../../src/core/format/xliff/write-xliff2.ts";
import { checkXmlSchema, withTempFiles } from "../../../helpers/xml-validators.ts";

vi.setConfig({ testTimeout: 60_000 });

function valid(text: string, xsd: string) {
  return withTempFiles([{ name: "out.xlf", content: text }], (paths) => checkXmlSchema(paths, xsd));
}

/** Per segment: source and vi target as their texts without codes and their codes' kinds. */
function shape(bundle: Bundle) {
  const one = (t: string | undefined) => {
    const parts = splitInlineCodes(t ?? "");
    return {
      text: parts.map((p) => (p.kind === "text" ? p.text : "")).join(""),
      kinds: parts.flatMap((p) => (p.kind === "code" ? [p.name] : [])),
    };
  };
  return bundle.documents.flatMap((d) =>
    d.segments.map((s) => ({ source: one(s.source), vi: one(s.targets.vi?.text) })),
  );
}

/** The file read, written as 1.2 and 2.0: both valid, both read back alike; the written texts. */
function roundTrip(text: string): { x12: string; x2: string } {
  const read = readXliff(text, { fileName: "in.xlf" });
  const first = shape(read.bundle);
  expect(first.length).toBeGreaterThan(0);
  const x12 = writeXliff12(read.bundle, { targetLang: "vi", structure: read.structure });
  const x2 = writeXliff2(read.bundle, { targetLang: "vi", structure: read.structure });
  expect(valid(x12, "xliff-core-1.2-strict.xsd"), x12).toEqual({ ok: true, detail: "" });
  expect(valid(x2, "xliff_core_2.0.xsd"), x2).toEqual({ ok: true, detail: "" });
  expect(shape(readXliff(x12, { fileName: "out12.xlf" }).bundle)).toEqual(first);
  expect(shape(readXliff(x2, { fileName: "out.xlf" }).bundle)).toEqual(first);
  return { x12, x2 };
}

const xliff12 = (body: string, rootAttrs = "") => `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"${rootAttrs}>
 <file original="f" source-language="en" target-language="vi" datatype="plaintext">
  <body>
${body}
  </body>
 </file>
</xliff>
`;

const xliff2 = (body: string, rootAttrs = "") => `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="vi"${rootAttrs}>
 <file id="f1">
${body}
 </file>
</xliff>
`;

describe("XLIFF 1.2 inline attributes the 1.2 schema does not declare (issue 11 class 1)", () => {
  it("WorldServer <ph x>: x left out of 1.2, kept in the code (okapi test1_es.xlf)", () => {
    const { x12 } = roundTrip(
      xliff12(`   <trans-unit id="1">
    <source>See <ph id="1" x="&lt;a href=&quot;http://news.dlux.org.au/&quot;>">{1}</ph>news<ph id="2" x="&lt;/a>">{2}</ph>.</source>
    <target>Xem <ph id="1" x="&lt;a href=&quot;http://news.dlux.org.au/&quot;>">{1}</ph>tin<ph id="2" x="&lt;/a>">{2}</ph>.</target>
   </trans-unit>`),
    );
    expect(x12).toContain('<ph id="1">{1}</ph>news<ph id="2">{2}</ph>');
  });

  it("<g target href>, <mrk id> without mtype, <ex> with content (matecat files)", () => {
    const { x12 } = roundTrip(
      xliff12(`   <trans-unit id="1">
    <source><g id="1" target="_blank" href="http://example.org" ctype="x-html-a">Link</g> <mrk id="1">PPC000460</mrk> <ex id="2">Inside</ex></source>
    <target><g id="1" target="_blank" href="http://example.org" ctype="x-html-a">Liên kết</g> <mrk id="1">PPC000460</mrk> <ex id="2">Inside</ex></target>
   </trans-unit>`),
    );
    expect(x12).toContain('<g id="1" ctype="x-html-a">Link</g>');
    expect(x12).toContain('<mrk mtype="x-unknown">PPC000460</mrk>');
  });
});

describe("module and extension attributes on inline codes keep their namespace (issue 11 class 2)", () => {
  it("2.0 fs:fs, slr:*, its:* written with their xmlns; left out of 1.2 (OASIS, okapi files)", () => {
    const { x12, x2 } = roundTrip(
      xliff2(
        `  <unit id="1">
   <originalData><data id="d1">&lt;b&gt;</data></originalData>
   <segment>
    <source><ph id="1" dataRef="d1" fs:fs="b"/><pc id="2" slr:sizeInfo="10" slr:equivStorage="utf8">Save</pc> <mrk id="m1" type="its:any" itsxlf:domains="software" my:badAttr="x">now</mrk></source>
    <target><ph id="1" dataRef="d1" fs:fs="b"/><pc id="2" slr:sizeInfo="10" slr:equivStorage="utf8">Lưu</pc> <mrk id="m1" type="its:any" itsxlf:domains="software" my:badAttr="x">ngay</mrk></target>
   </segment>
  </unit>`,
        ' xmlns:fs="urn:oasis:names:tc:xliff:fs:2.0" xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0" xmlns:itsxlf="http://www.w3.org/ns/its-xliff/"',
      ),
    );
    expect(x2).toContain('xmlns:fs="urn:oasis:names:tc:xliff:fs:2.0" fs:fs="b"');
    expect(x2).toContain(
      'xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0" slr:sizeInfo="10"',
    );
    expect(x2).toContain('itsxlf:domains="software"');
    // A prefix declared nowhere: left out.
    expect(x2).not.toContain("my:badAttr");
    expect(x12).not.toContain("fs:fs");
  });

  it("1.2 its:* and MadCap:* on <mrk> (okapi lqiTest.xlf, matecat Review tool file)", () => {
    const { x12 } = roundTrip(
      xliff12(
        `   <trans-unit id="1">
    <source><mrk mtype="x-its" its:locQualityIssuesRef="#lqi1" MadCap:conditions="a.b">eror1</mrk>.</source>
    <target><mrk mtype="x-its" its:locQualityIssuesRef="#lqi1" MadCap:conditions="a.b">lỗi1</mrk>.</target>
   </trans-unit>`,
        ' xmlns:its="http://www.w3.org/2005/11/its" xmlns:MadCap="http://www.madcapsoftware.com/Schemas/MadCap.xsd"',
      ),
    );
    expect(x12).toContain('<mrk mtype="x-its">eror1</mrk>');
  });
});

describe("smaller cases of invalid written XLIFF (issue 11 class 3)", () => {
  it("1.2 <bpt>/<ept> with rid only and <it pos=begin>: id and pos supplied (omegat tags.xlf)", () => {
    const { x12 } = roundTrip(
      xliff12(`   <trans-unit id="1">
    <source>About <bpt rid="1">&lt;b></bpt>Gandalf<ept rid="1">&lt;/b></ept><it pos="begin">b</it></source>
    <target>Về <bpt rid="1">&lt;b></bpt>Gandalf<ept rid="1">&lt;/b></ept><it pos="begin">b</it></target>
   </trans-unit>`),
    );
    expect(x12).toMatch(/<bpt rid="1" id="(\d+)">&lt;b&gt;<\/bpt>Gandalf<ept id="\1" rid="1">/);
    expect(x12).toMatch(/<it pos="open" id="\d+">b<\/it>/);
  });

  it("SDLXLIFF <mrk mtype=seg mid=0> in a target its source has not: no broken keyref (matecat file-917760)", () => {
    const { x12 } = roundTrip(
      xliff12(`   <trans-unit id="tu38">
    <source>Fax</source>
    <seg-source><mrk mid="0" mtype="seg">Fax: 585 230 540</mrk></seg-source>
    <target><mrk mid="0" mtype="seg">Faxe: 585 230 540</mrk></target>
   </trans-unit>`),
    );
    expect(x12).not.toContain('mid="0"');
  });

  it("an XLIFF 2 <pc> in a 1.2 file is a generic 1.2 code (matecat newformat.jsont.xlf)", () => {
    const { x12 } = roundTrip(
      xliff12(`   <trans-unit id="1">
    <source>Hello <pc id="1" dataRefStart="d1"/> world</source>
    <target>Xin chào <pc id="1" dataRefStart="d1"/> thế giới</target>
   </trans-unit>`),
    );
    expect(x12).not.toContain("<pc");
  });

  it("an empty 2.0 <pc dataRefStart> is written without dataRef (matecat pc-slash.xlf)", () => {
    const { x2 } = roundTrip(
      xliff2(`  <unit id="1">
   <originalData><data id="source8">&lt;a/&gt;</data></originalData>
   <segment>
    <source>Go <pc id="source8" dataRefStart="source8"/> now</source>
    <target>Đi <pc id="source8" dataRefStart="source8"/> ngay</target>
   </segment>
  </unit>`),
    );
    expect(x2).toContain('<pc id="source8" dataRefStart="source8"/>');
    // Its data is read from dataRefStart and written back with it.
    expect(x2).toMatch(/<data id="source8">&lt;a\/&gt;<\/data>/);
  });
});
