/**
 * TMX inline codes through XLIFF (issue 11): real TMX files read, written as XLIFF 2.0 and 1.2 and
 * read back give the same sequence of code kinds (bpt/ept/it/ph/ut/hi) and the same texts as the
 * TMX read. An unpaired <bpt>/<ept>, a <ut> and a <hi>, which XLIFF has no element for, are written
 * as an equivalent naming their TMX element (1.2 ctype="x-tmx-…", 2.0 subType="tmx:…") and read
 * back as that element; every written file is schema-valid.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Bundle } from "../../../../src/core/model/bundle.ts";
import { splitInlineCodes } from "../../../../src/core/format/tmx/inline-codes.ts";
import { readTmxWithReport } from "../../../../src/core/format/tmx/read-tmx.ts";
import { writeTmx } from "../../../../src/core/format/tmx/write-tmx.ts";
import { readXliff } from "../../../../src/core/format/xliff/read-xliff.ts";
import { writeXliff12 } from "../../../../src/core/format/xliff/write-xliff12.ts";
import { writeXliff2 } from "../../../../src/core/format/xliff/write-xliff2.ts";
import { decodeXmlBytes } from "../../../../src/core/format/xml/decode-xml-bytes.ts";
import { checkXmlSchema, REPO_ROOT, withTempFiles } from "../../../helpers/xml-validators.ts";

vi.setConfig({ testTimeout: 60_000 });

const TMX_DIR = path.join(REPO_ROOT, "test/fixtures/tmx/real");

/** The file's text with its one other language renamed vi (the column XLIFF writes). */
function tmxText(name: string, other: RegExp | null): string {
  const text = decodeXmlBytes(
    new Uint8Array(readFileSync(path.join(TMX_DIR, name))),
    name,
    "tmx",
  ).text;
  return other ? text.replace(other, 'lang="vi"') : text;
}

/** Per segment: the kinds of its source's and vi target's codes, and their texts without codes. */
function shape(bundle: Bundle) {
  const one = (t: string | undefined) => {
    const parts = splitInlineCodes(t ?? "");
    return {
      kinds: parts
        .map((p) =>
          p.kind === "code" ? p.name : p.kind === "text" ? "" : p.kind === "hi-open" ? "hi" : "/hi",
        )
        .filter(Boolean),
      text: parts.map((p) => (p.kind === "text" ? p.text : "")).join(""),
    };
  };
  return bundle.documents.flatMap((d) =>
    d.segments.map((s) => ({ source: one(s.source), vi: one(s.targets.vi?.text) })),
  );
}

const FILES: [string, RegExp | null, string[]][] = [
  // nested bpt/ept, it, ph, a <hi> in the source
  ["omegat-compkit-ImportTest2A.tmx", /lang="fr-ca"/gi, ["hi", "bpt"]],
  // it, bpt, a ph holding a <sub>, a <hi>
  ["okapi-ImportTest2C.tmx", /lang="fr"/g, ["hi", "it"]],
  // <ut>
  ["okapi-Paragraph_TM.tmx", /lang="de-de"/g, ["ut"]],
  // an <ept> before its <bpt>, two <bpt i="1">, a <bpt> without <ept>
  ["omegat-invalid-inline-pairing.tmx", /lang="be"/g, ["ept", "bpt"]],
];

describe("TMX codes through XLIFF keep their kinds (issue 11)", () => {
  for (const [name, other, expected] of FILES) {
    it(name, () => {
      const tmx = readTmxWithReport(tmxText(name, other), { fileName: name }).bundle;
      const first = shape(tmx);
      const kinds = new Set(first.flatMap((s) => [...s.source.kinds, ...s.vi.kinds]));
      for (const k of expected) expect(kinds).toContain(k);
      const x2 = writeXliff2(tmx, { targetLang: "vi" });
      const x12 = writeXliff12(tmx, { targetLang: "vi" });
      const back2 = readXliff(x2, { fileName: "out.xlf" }).bundle;
      const back12 = readXliff(x12, { fileName: "out12.xlf" }).bundle;
      expect(shape(back2)).toEqual(first);
      expect(shape(back12)).toEqual(first);
      // And TMX again: the kinds as the first read gave them.
      const again = readTmxWithReport(
        writeTmx(back2, {
          creationTool: "t",
          creationToolVersion: "1",
          creationDate: new Date(0),
          untranslated: true,
        } as never),
        { fileName: "again.tmx" },
      ).bundle;
      expect(shape(again).map((s) => s.source.kinds)).toEqual(first.map((s) => s.source.kinds));
      const files = [
        { name: "out.xlf", content: x2, xsd: "xliff_core_2.0.xsd" },
        { name: "out12.xlf", content: x12, xsd: "xliff-core-1.2-strict.xsd" },
      ];
      for (const f of files)
        expect(withTempFiles([f], (paths) => checkXmlSchema(paths, f.xsd))).toEqual({
          ok: true,
          detail: "",
        });
    });
  }
});
