import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { Bundle } from "../../../../src/core/model/bundle.ts";
import { AppError } from "../../../../src/core/model/app-error.ts";
import { CODE_END, CODE_START } from "../../../../src/core/format/tmx/inline-codes.ts";
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
