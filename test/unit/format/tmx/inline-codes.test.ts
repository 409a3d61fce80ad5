import { describe, expect, it, vi } from "vitest";
import {
  CODE_END,
  CODE_START,
  flattenInlineCodes,
  splitInlineCodes,
  stripInlineCodes,
  writeSegContent,
} from "../../../../src/core/format/tmx/inline-codes.ts";
import { readTmx } from "../../../../src/core/format/tmx/read-tmx.ts";
import { writeTmx } from "../../../../src/core/format/tmx/write-tmx.ts";
import {
  checkTmxTexts,
  readWithTranslateToolkit,
  withTempFiles,
} from "../../../helpers/xml-validators.ts";

// Real tools (xmllint, python) and property runs: generous on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

const ph = (xml: string) => CODE_START + xml + CODE_END;
const BOLD = ph('<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>');
const UNBOLD = ph('<ept i="1">&lt;/b&gt;</ept>');
const HI = ph('<hi type="term">');
const HI_END = ph("</hi>");

describe("inline-code placeholders", () => {
  it("splits text and codes, with the native code for display", () => {
    expect(splitInlineCodes(`A ${BOLD}b${UNBOLD}.`)).toEqual([
      { kind: "text", text: "A " },
      {
        kind: "code",
        name: "bpt",
        xml: '<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>',
        display: "<b>",
      },
      { kind: "text", text: "b" },
      { kind: "code", name: "ept", xml: '<ept i="1">&lt;/b&gt;</ept>', display: "</b>" },
      { kind: "text", text: "." },
    ]);
    expect(stripInlineCodes(`A ${BOLD}b${UNBOLD}.`)).toBe("A b.");
    expect(flattenInlineCodes(`A ${BOLD}b${UNBOLD}.`)).toBe("A <b>b</b>.");
  });

  it("treats forged or invalid placeholders as plain text, so markup cannot be injected", () => {
    for (const forged of [
      ph("</seg><evil/><seg>"),
      ph('<bpt i="1"><evil/></bpt>'),
      ph("<ept>no i</ept>"),
      ph('<it pos="middle">x</it>'),
      ph("<b>raw</b>"),
      ph('<ph x="1"/><ph x="2"/>'),
      ph("<!DOCTYPE x [<!ENTITY a 'b'>]><ph>&a;</ph>"),
    ]) {
      expect(splitInlineCodes(forged)).toEqual([{ kind: "text", text: forged }]);
      const seg = writeSegContent(forged);
      expect(seg).not.toMatch(/<(?!\/?(?:bpt|ept|it|ph|hi|ut|sub)\b)/);
      expect(seg).toContain("&lt;");
    }
  });

  it("re-pairs <hi> placeholders: a stray close is dropped, an open one is closed", () => {
    expect(writeSegContent(`a${HI_END}b${HI}c`)).toBe('ab<hi type="term">c</hi>');
    expect(writeSegContent(`${HI}x${HI_END}`)).toBe('<hi type="term">x</hi>');
  });

  it("escapes the delimiters inside a code so placeholders never nest", () => {
    const tmx = `<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="html"/><body><tu tuid="1"><tuv xml:lang="id"><seg>a<ph>&#xE001;&#xE000;</ph>b</seg></tuv></tu></body></tmx>`;
    const source = readTmx(tmx).documents[0]!.segments[0]!.source;
    expect(splitInlineCodes(source).map((p) => p.kind)).toEqual(["text", "code", "text"]);
    expect(writeSegContent(source)).toBe("a<ph>&#xE001;&#xE000;</ph>b");
  });

  it("writes Level-2 markup that the DTD accepts and translate-toolkit flattens to the same text", () => {
    const source = `Baca ${BOLD}berita${UNBOLD} ${HI}ini${HI_END}${ph('<ph x="2" type="lb">&lt;br/&gt;</ph>')}.`;
    const target = `Read ${BOLD}the news${UNBOLD}.`;
    const tmx = writeTmx(
      {
        documents: [
          {
            id: "d",
            title: "t",
            sourceLang: "id",
            segments: [
              { id: "s", paragraph: 0, source, targets: { en: { text: target, status: "draft" } } },
            ],
          },
        ],
      },
      { creationTool: "Selaras", creationToolVersion: "t", creationDate: new Date(0) },
    );
    expect(checkTmxTexts([tmx])).toEqual({ ok: true, detail: "" });
    expect(readTmx(tmx).documents[0]!.segments[0]).toMatchObject({
      source,
      targets: { en: { text: target } },
    });
    const [units] = withTempFiles([{ name: "l2.tmx", content: tmx }], (p) =>
      readWithTranslateToolkit(p),
    );
    expect(units![0]!.texts).toEqual({
      id: flattenInlineCodes(source),
      en: flattenInlineCodes(target),
    });
  });
});
