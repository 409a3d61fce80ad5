import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryFormatOf, readMemoryFile } from "../../../src/core/format/read-memory-file.ts";
import { planUnitMatches, matchKey } from "../../../src/core/format/match-units.ts";
import { writeTmx } from "../../../src/core/format/tmx/write-tmx.ts";
import { writeXliff2 } from "../../../src/core/format/xliff/write-xliff2.ts";
import { writeTable } from "../../../src/core/format/tsv/write-table.ts";
import { writeJson } from "../../../src/core/format/json/write-json.ts";
import type { Bundle } from "../../../src/core/model/bundle.ts";
import type { SegmentRecord, TranslationRecord } from "../../../src/core/model/records.ts";

const SAMPLES = resolve(process.cwd(), "../shared/samples/tmx");
const bytes = (text: string) => new TextEncoder().encode(text);

const bundle: Bundle = {
  documents: [
    {
      id: "d1",
      title: "Berita",
      sourceLang: "id",
      segments: [
        {
          id: "s1",
          paragraph: 0,
          source: "Selamat pagi.",
          targets: {
            vi: { text: "Chào buổi sáng.", status: "approved" },
            en: { text: "Good morning.", status: "translated" },
          },
        },
        {
          id: "s2",
          paragraph: 0,
          source: "Terima kasih.",
          targets: { vi: { text: "Cảm ơn.", status: "draft" } },
        },
      ],
    },
  ],
};

describe("readMemoryFile", () => {
  it("knows formats by extension", () => {
    expect(
      ["a.tmx", "b.XLF", "c.xliff", "d.json", "e.tsv", "f.csv", "g.docx"].map(memoryFormatOf),
    ).toEqual(["tmx", "xliff", "xliff", "json", "tsv", "csv", null]);
  });

  it("reads TMX, XLIFF, JSON and CSV exports back to the same texts", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const tmx = readMemoryFile(
      bytes(writeTmx(bundle, { creationTool: "t", creationToolVersion: "1", creationDate: now })),
      "m.tmx",
    );
    expect(tmx.report).toMatchObject({ format: "tmx", units: 2 });
    expect(tmx.bundle.documents[0]?.segments.map((s) => s.targets.vi?.text)).toEqual([
      "Chào buổi sáng.",
      "Cảm ơn.",
    ]);
    const xlf = readMemoryFile(bytes(writeXliff2(bundle, { targetLang: "vi" })), "m.xlf");
    expect(xlf.report.format).toBe("xliff");
    expect(xlf.bundle.documents[0]?.segments.map((s) => s.targets.vi?.text)).toEqual([
      "Chào buổi sáng.",
      "Cảm ơn.",
    ]);
    const json = readMemoryFile(
      bytes(writeJson(bundle, { exportedAt: now, toolVersion: "1" })),
      "m.json",
    );
    expect(json.bundle).toEqual(bundle);
    const csv = readMemoryFile(bytes(writeTable(bundle, { format: "csv" })), "m.csv");
    expect(csv.bundle.documents[0]?.segments.map((s) => s.targets.en?.text ?? "")).toEqual([
      "Good morning.",
      "",
    ]);
  });

  it("reads a real UTF-16 TMX from another tool and reports the language mapping", () => {
    const result = readMemoryFile(
      new Uint8Array(readFileSync(`${SAMPLES}/lisa-compkit-ImportTest2A-utf16le-level2.tmx`)),
      "sample.tmx",
    );
    expect(result.report.detail).toContain("utf-16le");
    expect(result.report.units).toBe(7);
    expect(result.report.languages.some((l) => l.mappedTo === "en")).toBe(true);
  });

  it("an unknown extension and a broken file are coded errors naming the file", () => {
    expect(() => readMemoryFile(bytes("x"), "notes.docx")).toThrow(
      expect.objectContaining({ code: "import.unsupportedFormat", params: { file: "notes.docx" } }),
    );
    expect(() => readMemoryFile(bytes("<tmx version='1.4'><header"), "cut.tmx")).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ file: "cut.tmx" }) }),
    );
  });
});

describe("planUnitMatches", () => {
  const seg = (id: string, source: string): SegmentRecord => ({
    id,
    docId: "x",
    order: id,
    paragraph: 0,
    source,
  });
  const tr = (segmentId: string, text: string): TranslationRecord => ({
    id: `${segmentId}:vi`,
    segmentId,
    docId: "x",
    order: "a",
    span: 1,
    origin: "typed",
    confidence: null,
    locked: false,
    lang: "vi",
    text,
    status: "draft",
    createdBy: "u",
    createdAt: "t",
    changedBy: "u",
    changedAt: "t",
  });

  it("fills empty targets, lists differing ones, counts same and unmatched, matching modulo white space and NFC", () => {
    expect(matchKey("  Selamat\u00a0pagi. ")).toBe("Selamat pagi.");
    const segments = [
      seg("a", "Selamat  pagi."),
      seg("b", "Terima kasih."),
      seg("c", "Tidak ada."),
    ];
    const plan = planUnitMatches(bundle, segments, new Map([["b:vi", tr("b", "Cám ơn.")]]));
    expect(plan.matchedSegments).toBe(2);
    expect(plan.fills.map((f) => `${f.segmentId}:${f.lang}`)).toEqual(["a:vi", "a:en"]);
    expect(plan.changes.map((c) => [c.segmentId, c.current?.text, c.incoming.text])).toEqual([
      ["b", "Cám ơn.", "Cảm ơn."],
    ]);
    expect(plan.unmatchedUnits).toBe(0);
    expect(planUnitMatches(bundle, [seg("z", "Lain.")], new Map()).unmatchedUnits).toBe(2);
  });
});

describe("XLIFF targets in a language without a column (issue 11: never lost)", () => {
  const XLF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="manual.txt" source-language="en" target-language="de-DE" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>Press <g id="b1">Start</g>.</source><target>Drücken Sie <g id="b1">Start</g>.</target></trans-unit>
      <trans-unit id="2"><source>Done.</source><target>Fertig.</target></trans-unit>
      <trans-unit id="3"><source>Not yet.</source></trans-unit>
    </body>
  </file>
</xliff>`;
  const OPTIONS = { creationTool: "Selaras", creationToolVersion: "t", creationDate: new Date(0) };

  it("are kept as other-language variants, written to TMX and read back from it", () => {
    const read = readMemoryFile(bytes(XLF), "manual.de.xlf");
    expect(read.report.droppedTargets).toBe(2);
    expect(read.report.droppedTag).toBe("de-DE");
    // The language list counts its targets (2 of the 3 units have one), not the units.
    expect(read.report.languages).toEqual([{ tag: "de-DE", mappedTo: null, count: 2 }]);
    const segments = read.bundle.documents[0]!.segments;
    // Not in the grid: no column for German.
    expect(segments.map((s) => Object.keys(s.targets))).toEqual([[], [], []]);
    const others = segments.map((s) => read.extras?.units.get(s.id)?.others ?? []);
    expect(others.map((o) => o.map((v) => v.tag))).toEqual([["de-DE"], ["de-DE"], []]);
    const tmx = writeTmx(read.bundle, { ...OPTIONS, extras: read.extras! });
    expect(tmx).toContain('<tuv xml:lang="de-DE">');
    expect(tmx).toContain("Fertig.");
    // Units with a German target are translation memory; the third is left out as untranslated.
    expect(tmx.match(/<tu /g)).toHaveLength(2);
    const back = readMemoryFile(bytes(tmx), "back.tmx");
    const backOthers = back.bundle.documents[0]!.segments.map(
      (s) => back.extras?.units.get(s.id)?.others.map((o) => [o.tag, o.text]) ?? [],
    );
    expect(backOthers).toEqual(others.slice(0, 2).map((o) => o.map((v) => [v.tag, v.text])));
    // The inline code came through as a code, not as text.
    expect(backOthers[0]![0]![1]).not.toContain("<g");
    expect(backOthers[0]![0]![1]).toMatch(/^Drücken Sie .+Start.+\.$/u);
  });
});
