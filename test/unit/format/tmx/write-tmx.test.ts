import { describe, expect, it, vi } from "vitest";
import type { Bundle } from "../../../../src/core/model/bundle.ts";
import { countTmxUnits, writeTmx } from "../../../../src/core/format/tmx/write-tmx.ts";
import type { TmxWriteOptions } from "../../../../src/core/format/tmx/write-tmx.ts";
import { parseXml, childElements, textContent } from "../../../../src/core/format/xml/parse-xml.ts";
import type { XmlElement } from "../../../../src/core/format/xml/parse-xml.ts";
import {
  checkTmxTexts,
  readWithTranslateToolkit,
  withTempFiles,
} from "../../../helpers/xml-validators.ts";

// Real tools (xmllint, python) and property runs: generous on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

const OPTIONS: TmxWriteOptions = {
  creationTool: "Selaras",
  creationToolVersion: "0.1.0",
  creationDate: new Date("2026-11-23T01:02:03.456Z"),
};

const BUNDLE: Bundle = {
  documents: [
    {
      id: "doc-1",
      title: "Banjir & <Jakarta> \"hari\" 'dua'",
      sourceLang: "id",
      segments: [
        {
          id: "s1",
          paragraph: 0,
          source: "Presiden tiba pukul 10.00.",
          targets: {
            vi: {
              text: "Tổng thống đến lúc 10 giờ.",
              status: "approved",
              createdBy: "lan",
              createdAt: "2026-11-20T08:00:00.000Z",
              changedBy: "minh",
              changedAt: "2026-11-21T09:30:15.000Z",
            },
            en: { text: "The president arrived at 10.00.", status: "draft" },
          },
        },
        {
          id: "s2",
          paragraph: 1,
          source: "Harga naik 2.500 rupiah & <lebih>.",
          targets: {
            vi: { text: "", status: "empty" },
            en: { text: "Up 2,500.", status: "translated" },
          },
        },
        { id: "s3", paragraph: 1, source: "Sumber: https://x.id/?a=1&b=2", targets: {} },
      ],
    },
  ],
};

function parse(text: string): XmlElement {
  let root: XmlElement | undefined;
  parseXml(
    text,
    { onClose: (el, depth) => void (depth === 0 && (root = el)) },
    { codePrefix: "t" },
  );
  return root!;
}

function tus(root: XmlElement): XmlElement[] {
  return childElements(childElements(root, "body")[0]!, "tu");
}

function langs(tu: XmlElement): string[] {
  return childElements(tu, "tuv").map((t) => t.attrs["xml:lang"] ?? "?");
}

describe("writeTmx", () => {
  it("writes the XML declaration, the DOCTYPE and a fully filled header", () => {
    const out = writeTmx(BUNDLE, OPTIONS);
    expect(
      out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'),
    ).toBe(true);
    const root = parse(out);
    expect(root.name).toBe("tmx");
    expect(root.attrs["version"]).toBe("1.4");
    const header = childElements(root, "header")[0]!;
    expect(header.attrs).toEqual({
      creationtool: "Selaras",
      creationtoolversion: "0.1.0",
      segtype: "sentence",
      "o-tmf": "Selaras JSON",
      adminlang: "en",
      srclang: "id",
      datatype: "plaintext",
      creationdate: "20261123T010203Z",
    });
  });

  it("writes one tu per translated segment, source tuv first, only non-empty targets", () => {
    const units = tus(parse(writeTmx(BUNDLE, OPTIONS)));
    // s3 has no target: a source alone is not translation memory (issue 13 item 8).
    expect(units.map((u) => u.attrs["tuid"])).toEqual(["s1", "s2"]);
    expect(units.map(langs)).toEqual([
      ["id", "vi", "en"],
      ["id", "en"],
    ]);
    const all = tus(parse(writeTmx(BUNDLE, { ...OPTIONS, includeUntranslated: true })));
    expect(all.map(langs)).toEqual([["id", "vi", "en"], ["id", "en"], ["id"]]);
  });

  it("writes dates, authors, status and document props", () => {
    const [tu] = tus(parse(writeTmx(BUNDLE, OPTIONS)));
    const props = childElements(tu!, "prop").map((p) => [p.attrs["type"], textContent(p)]);
    expect(props).toEqual([
      ["x-document-id", "doc-1"],
      ["x-document", "Banjir & <Jakarta> \"hari\" 'dua'"],
      ["x-paragraph", "0"],
    ]);
    const vi = childElements(tu!, "tuv")[1]!;
    expect(vi.attrs).toEqual({
      "xml:lang": "vi",
      creationdate: "20261120T080000Z",
      creationid: "lan",
      changedate: "20261121T093015Z",
      changeid: "minh",
    });
    expect(childElements(vi, "prop").map(textContent)).toEqual(["approved"]);
    expect(textContent(childElements(vi, "seg")[0]!)).toBe("Tổng thống đến lúc 10 giờ.");
  });

  it("filters by languages and statuses", () => {
    const onlyVi = tus(parse(writeTmx(BUNDLE, { ...OPTIONS, languages: ["vi"] })));
    expect(onlyVi.map(langs)).toEqual([["id", "vi"]]);
    const done = tus(parse(writeTmx(BUNDLE, { ...OPTIONS, statuses: ["approved", "translated"] })));
    expect(done.map(langs)).toEqual([
      ["id", "vi"],
      ["id", "en"],
    ]);
    const viAll = { ...OPTIONS, languages: ["vi"] as const, includeUntranslated: true };
    expect(tus(parse(writeTmx(BUNDLE, viAll))).map(langs)).toEqual([["id", "vi"], ["id"], ["id"]]);
  });

  it("uses srclang *all* with a tu-level srclang when documents differ in source language", () => {
    const mixed: Bundle = {
      documents: [
        BUNDLE.documents[0]!,
        {
          id: "doc-2",
          title: "Tin",
          sourceLang: "vi",
          segments: [
            {
              id: "v1",
              paragraph: 0,
              source: "Xin chào",
              targets: { en: { text: "Hello", status: "draft" } },
            },
          ],
        },
      ],
    };
    const out = writeTmx(mixed, OPTIONS);
    const root = parse(out);
    expect(childElements(root, "header")[0]!.attrs["srclang"]).toBe("*all*");
    const last = tus(root).at(-1)!;
    expect(last.attrs["srclang"]).toBe("vi");
    expect(langs(last)).toEqual(["vi", "en"]);
    expect(checkTmxTexts([out])).toEqual({ ok: true, detail: "" });
  });

  it("strips XML-forbidden characters, normalizes to NFC and keeps CR/LF as &#13;/&#10;", () => {
    const hostile: Bundle = {
      documents: [
        {
          id: "d\u0001",
          title: "T\u000bitle",
          sourceLang: "id",
          segments: [
            {
              id: "s\u0000",
              paragraph: 0,
              source: "a\u0001b\u000bc\uffffd\ud800e\r\nf]]>g",
              targets: { vi: { text: "Vie\u0302\u0323t", status: "draft", createdBy: "x\u0002" } },
            },
          ],
        },
      ],
    };
    const out = writeTmx(hostile, OPTIONS);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(out).toContain("<seg>abcde&#13;&#10;f]]&gt;g</seg>");
    expect(out).toContain("<seg>Việt</seg>");
    expect(checkTmxTexts([out])).toEqual({ ok: true, detail: "" });
  });

  it("writes an empty bundle as a valid TMX with an empty body", () => {
    const out = writeTmx({ documents: [] }, OPTIONS);
    expect(tus(parse(out))).toEqual([]);
    expect(checkTmxTexts([out])).toEqual({ ok: true, detail: "" });
  });
});

describe("writeTmx output checked by real tools", () => {
  it("passes xmllint --dtdvalid tmx14.dtd with empty stderr", () => {
    expect(checkTmxTexts([writeTmx(BUNDLE, OPTIONS)])).toEqual({ ok: true, detail: "" });
  });

  it("the xmllint check really fails on a DTD-invalid file and on a tuv without xml:lang", () => {
    const good = writeTmx(BUNDLE, OPTIONS);
    expect(checkTmxTexts([good.replace(' o-tmf="Selaras JSON"', "")]).ok).toBe(false);
    expect(checkTmxTexts([good.replace('<tuv xml:lang="id">', '<tuv lang="id">')]).ok).toBe(false);
    expect(checkTmxTexts([good.replace("<body>", "<body>&nbsp;")]).ok).toBe(false);
  });

  it("translate-toolkit reads the same units and texts per language", () => {
    const units = withTempFiles(
      [{ name: "out.tmx", content: writeTmx(BUNDLE, OPTIONS) }],
      (paths) => readWithTranslateToolkit(paths),
    )[0]!;
    expect(units).toEqual([
      {
        id: "s1",
        texts: {
          id: "Presiden tiba pukul 10.00.",
          vi: "Tổng thống đến lúc 10 giờ.",
          en: "The president arrived at 10.00.",
        },
      },
      { id: "s2", texts: { id: "Harga naik 2.500 rupiah & <lebih>.", en: "Up 2,500." } },
    ]);
  });

  it("without untranslated units (an id–en file whose English is empty), is DTD-valid and read by translate-toolkit", () => {
    const en = { ...OPTIONS, languages: ["en"] as const };
    const noEnglish: Bundle = structuredClone(BUNDLE);
    for (const seg of noEnglish.documents[0]!.segments) delete seg.targets.en;
    const empty = writeTmx(noEnglish, en);
    expect(tus(parse(empty))).toEqual([]);
    expect(countTmxUnits(noEnglish, en)).toEqual({ units: 0, untranslated: 3 });
    const some = writeTmx(BUNDLE, en);
    expect(countTmxUnits(BUNDLE, en)).toEqual({ units: 2, untranslated: 1 });
    expect(checkTmxTexts([empty, some])).toEqual({ ok: true, detail: "" });
    const read = withTempFiles(
      [
        { name: "empty.tmx", content: empty },
        { name: "some.tmx", content: some },
      ],
      (paths) => readWithTranslateToolkit(paths),
    );
    expect(read[0]).toEqual([]);
    expect(read[1]!.map((u) => u.id)).toEqual(["s1", "s2"]);
    expect(read[1]!.every((u) => Object.keys(u.texts).length === 2)).toBe(true);
  });
});
