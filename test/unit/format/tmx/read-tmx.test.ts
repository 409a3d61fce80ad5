import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../../../src/core/model/app-error.ts";
import { readTmx, readTmxWithReport } from "../../../../src/core/format/tmx/read-tmx.ts";
import { writeTmx } from "../../../../src/core/format/tmx/write-tmx.ts";
import type { Bundle, BundleSegment } from "../../../../src/core/model/bundle.ts";
import { REPO_ROOT, checkTmxTexts } from "../../../helpers/xml-validators.ts";
import { extrasFromJson, extrasToJson, readTmxFixture } from "./tmx-fixture.ts";

// Real tools (xmllint, python) and property runs: generous on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

/** The writer NFC-normalizes text (fixtures hold some NFD on purpose). */
function nfcSegment(segment: BundleSegment): BundleSegment {
  return JSON.parse(JSON.stringify(segment).normalize("NFC")) as BundleSegment;
}

const FIXTURES = path.join(REPO_ROOT, "test/fixtures/tmx");
const HEADER =
  '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>';

function error(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

const SAMPLES = path.resolve(REPO_ROOT, "../shared/samples/tmx");

/** Golden pairs: our fixtures, and the six real-world samples (expected files under samples/). */
const GOLDEN: { name: string; file: string; expected: string }[] = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".tmx"))
    .map((f) => ({
      name: f,
      file: path.join(FIXTURES, f),
      expected: path.join(FIXTURES, f.replace(/\.tmx$/, ".expected.json")),
    })),
  ...readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".tmx"))
    .map((f) => ({
      name: `samples/${f}`,
      file: path.join(SAMPLES, f),
      expected: path.join(FIXTURES, "samples", f.replace(/\.tmx$/, ".expected.json")),
    })),
];

describe("readTmx golden fixtures (<case>.tmx + <case>.expected.json)", () => {
  it("covers our fixtures and all six shared samples", () => {
    expect(GOLDEN.filter((g) => g.name.startsWith("samples/"))).toHaveLength(6);
    expect(GOLDEN.length).toBeGreaterThanOrEqual(15);
  });

  for (const { name, file, expected: expectedFile } of GOLDEN) {
    const bytes = new Uint8Array(readFileSync(file));
    const expected = JSON.parse(readFileSync(expectedFile, "utf8"));

    it(`${name}: reads to the expected bundle, report and kept metadata`, () => {
      expect(readTmxFixture(bytes, path.basename(file))).toStrictEqual(expected);
    });

    it(`${name}: writing it back (with kept metadata) is DTD-valid and reads to the same units`, () => {
      const extras = extrasFromJson(expected.extras);
      const out = writeTmx(expected.bundle, {
        creationTool: "Selaras",
        creationToolVersion: "test",
        creationDate: new Date(0),
        extras,
        // Every unit, with a target or not: this checks the reader and writer agree.
        includeUntranslated: true,
      });
      expect(checkTmxTexts([out])).toEqual({ ok: true, detail: "" });
      const back = readTmxWithReport(out);
      // Foreign files carry no x-document props; ours always do, so compare per segment.
      const segments = (b: Bundle) => b.documents.flatMap((d) => d.segments);
      expect(segments(back.bundle)).toStrictEqual(segments(expected.bundle).map(nfcSegment));
      expect(extrasToJson(back.extras)).toStrictEqual(
        JSON.parse(JSON.stringify(expected.extras).normalize("NFC")),
      );
      // Pairing problems travel with the codes; invalid codes and unknown elements were dropped on read.
      const pairing = (problems: { problem: string }[]) =>
        problems.filter((p) => !["invalid-code", "unknown-element"].includes(p.problem)).length;
      expect(pairing(back.report.inlineProblems)).toBe(pairing(expected.report.inlineProblems));
    });
  }
});

describe("readTmx errors", () => {
  const cases: [string, string, string][] = [
    ["empty", "   \n", "tmx.empty"],
    ["binary", "<tmx>\u0000</tmx>", "tmx.binary"],
    [
      "not well-formed",
      `<tmx version="1.4">${HEADER}<body><tu></tuv></body></tmx>`,
      "tmx.not-well-formed",
    ],
    [
      "truncated",
      `<tmx version="1.4">${HEADER}<body><tu><tuv xml:lang="id"><seg>a`,
      "tmx.truncated",
    ],
    ["wrong root", `<xliff version="1.2"><file/></xliff>`, "tmx.wrong-root"],
    ["missing header", `<tmx version="1.4"><body/></tmx>`, "tmx.missing-header"],
    ["missing body", `<tmx version="1.4">${HEADER}</tmx>`, "tmx.missing-body"],
    [
      "missing srclang",
      `<tmx version="1.4">${HEADER.replace(' srclang="id"', "")}<body/></tmx>`,
      "tmx.missing-srclang",
    ],
    [
      "entity bomb",
      `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx version="1.4">${HEADER}<body>&b;</body></tmx>`,
      "tmx.entity-declaration",
    ],
    [
      "external entity",
      `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx version="1.4">${HEADER}<body>&x;</body></tmx>`,
      "tmx.external-entity",
    ],
    [
      "undefined entity",
      `<!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4">${HEADER}<body><tu><tuv xml:lang="id"><seg>A&nbsp;B</seg></tuv></tu></body></tmx>`,
      "tmx.undefined-entity",
    ],
    [
      "only foreign source languages",
      `<tmx version="1.4">${HEADER.replace('srclang="id"', 'srclang="fr"')}<body><tu><tuv xml:lang="fr"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu></body></tmx>`,
      "tmx.unsupported-source-language",
    ],
  ];

  for (const [label, text, code] of cases) {
    it(`${label} → ${code}`, () => {
      expect(error(() => readTmx(text, { fileName: "in.tmx" })).code).toBe(code);
    });
  }

  it("reports line and column of a broken tag and names the file", () => {
    const text = `<tmx version="1.4">\n${HEADER}\n<body>\n  <tu><tuv xml:lang="id"><seg>a</sag></tuv></tu>\n</body></tmx>`;
    const e = error(() => readTmx(text, { fileName: "broken.tmx" }));
    expect(e.code).toBe("tmx.not-well-formed");
    expect(e.params).toMatchObject({ file: "broken.tmx", line: 4 });
    expect(e.params["column"]).toBeGreaterThan(30);
  });

  // Issue 11 class 6: a repeated tuid is valid TMX (tuid is CDATA), it was refused as a whole.
  it("keeps units whose tuid repeats, under a free id, and counts them", () => {
    const tu = (id: string, text: string) =>
      `<tu tuid="${id}"><tuv xml:lang="id"><seg>${text}</seg></tuv></tu>`;
    const text = `<tmx version="1.4">\n${HEADER}\n<body>\n${tu("x", "a")}${tu("x_2", "b")}${tu("x", "c")}${tu("x", "d")}\n</body></tmx>`;
    const read = readTmxWithReport(text);
    const segments = read.bundle.documents[0]!.segments;
    expect(segments.map((s) => [s.id, s.source])).toEqual([
      ["x", "a"],
      ["x_2", "b"],
      ["x_3", "c"],
      ["x_4", "d"],
    ]);
    expect(read.report.repeatedTuids).toBe(2);
  });

  // The reader builds no string for text between records (indentation), but saxes still checks it.
  it("checks the text between records that it does not read", () => {
    const tu = '<tu><tuv xml:lang="id"><seg>a</seg></tuv></tu>';
    const inBody = (between: string) =>
      `<tmx version="1.4">\n${HEADER}\n<body>\n${tu}\n${between}\n${tu}\n</body></tmx>`;
    expect(error(() => readTmx(inBody("&nbsp;"))).code).toBe("tmx.undefined-entity");
    expect(error(() => readTmx(inBody("]]>"))).params).toMatchObject({ line: 5 });
    expect(error(() => readTmx(inBody("a & b"))).params).toMatchObject({ line: 5, column: 3 });
    expect(error(() => readTmx(inBody("\u0001"))).code).toBe("tmx.not-well-formed");
    expect(readTmx(inBody("&amp; &#65; text")).documents[0]!.segments).toHaveLength(2);
  });

  it("does not expand entities even when no reference is made", () => {
    const text = `<!DOCTYPE tmx [<!ENTITY a "b">]><tmx version="1.4">${HEADER}<body/></tmx>`;
    expect(error(() => readTmx(text)).code).toBe("tmx.entity-declaration");
  });
});

describe("readTmx options", () => {
  const big = `<tmx version="1.4">${HEADER}<body>${Array.from(
    { length: 3000 },
    (_, i) => `<tu tuid="${i}"><tuv xml:lang="id"><seg>Kalimat nomor ${i}.</seg></tuv></tu>`,
  ).join("\n")}</body></tmx>`;

  it("reports progress up to the full length", () => {
    const seen: number[] = [];
    readTmx(big, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });

  it("stops with tmx.cancelled when the signal is aborted", () => {
    const signal = { aborted: false };
    const e = error(() =>
      readTmx(big, {
        fileName: "big.tmx",
        signal,
        onProgress: (done) => void (done > 20_000 && (signal.aborted = true)),
      }),
    );
    expect([e.code, e.params]).toEqual(["tmx.cancelled", { file: "big.tmx" }]);
  });

  it("uses defaultTitle for units without x-document", () => {
    const text = `<tmx version="1.4">${HEADER}<body><tu><tuv xml:lang="id"><seg>a</seg></tuv></tu></body></tmx>`;
    expect(readTmx(text, { defaultTitle: "memori.tmx" }).documents[0]?.title).toBe("memori.tmx");
  });

  it("reads an empty body as an empty bundle", () => {
    expect(readTmx(`<tmx version="1.4">${HEADER}<body/></tmx>`)).toStrictEqual({ documents: [] });
  });
});

describe('srclang="*all*" (any tuv may be the source) is read and written back as it came', () => {
  const OPTIONS = { creationTool: "Selaras", creationToolVersion: "t", creationDate: new Date(0) };
  const header = (srclang: string) => HEADER.replace('srclang="id"', `srclang="${srclang}"`);
  const roundTrip = (text: string) => {
    const first = readTmxWithReport(text);
    const written = writeTmx(first.bundle, { ...OPTIONS, extras: first.extras });
    return { first, written, second: readTmxWithReport(written) };
  };
  const srclangs = (xml: string, element: string) =>
    [...xml.matchAll(new RegExp(`<${element}\\b[^>]*?\\ssrclang="([^"]*)"`, "g"))].map((m) => m[1]);

  it("a header's *all* stays *all*; the tus that named no source still name none", () => {
    const text =
      `<tmx version="1.4">${header("*all*")}<body>` +
      `<tu tuid="a"><tuv xml:lang="vi"><seg>Xin chào</seg></tuv><tuv xml:lang="id"><seg>Halo</seg></tuv></tu>` +
      `<tu tuid="b"><tuv xml:lang="id"><seg>Dua</seg></tuv><tuv xml:lang="en-GB"><seg>Two</seg></tuv></tu>` +
      `</body></tmx>`;
    const { first, written, second } = roundTrip(text);
    expect(first.bundle.documents.map((d) => d.sourceLang)).toEqual(["id"]);
    expect(first.bundle.documents[0]!.segments.map((s) => s.source)).toEqual(["Halo", "Dua"]);
    expect(srclangs(written, "header")).toEqual(["*all*"]);
    expect(srclangs(written, "tu")).toEqual([]);
    expect(checkTmxTexts([written])).toEqual({ ok: true, detail: "" });
    expect(second.bundle).toStrictEqual(first.bundle);
    expect(
      srclangs(writeTmx(second.bundle, { ...OPTIONS, extras: second.extras }), "header"),
    ).toEqual(["*all*"]);
  });

  it("a tu's *all* under a concrete header stays *all*, a tu's own tag stays that tag", () => {
    const text =
      `<tmx version="1.4">${header("id")}<body>` +
      `<tu tuid="a" srclang="*all*"><tuv xml:lang="id"><seg>Halo</seg></tuv><tuv xml:lang="vi"><seg>Xin chào</seg></tuv></tu>` +
      `<tu tuid="b" srclang="id-ID"><tuv xml:lang="id-ID"><seg>Dua</seg></tuv><tuv xml:lang="vi"><seg>Hai</seg></tuv></tu>` +
      `<tu tuid="c"><tuv xml:lang="id"><seg>Tiga</seg></tuv><tuv xml:lang="vi"><seg>Ba</seg></tuv></tu>` +
      `</body></tmx>`;
    const { first, written, second } = roundTrip(text);
    expect(first.bundle.documents[0]!.segments.map((s) => s.source)).toEqual([
      "Halo",
      "Dua",
      "Tiga",
    ]);
    // The header names the units' source tags: id and id-ID differ, so it says *all*.
    expect(srclangs(written, "header")).toEqual(["*all*"]);
    expect(written).toContain('<tu tuid="a" srclang="*all*">');
    expect(written).toContain('<tu tuid="b" srclang="id-ID">');
    expect(written).toContain('<tu tuid="c" srclang="id">');
    expect(checkTmxTexts([written])).toEqual({ ok: true, detail: "" });
    expect(second.bundle).toStrictEqual(first.bundle);
  });

  it("under a header's *all*, a tu that names its source keeps it, and units of another source round-trip", () => {
    const text =
      `<tmx version="1.4">${header("*all*")}<body>` +
      `<tu tuid="a" srclang="en-US"><tuv xml:lang="vi"><seg>Một</seg></tuv><tuv xml:lang="en-US"><seg>One</seg></tuv></tu>` +
      `<tu tuid="b"><tuv xml:lang="en-US"><seg>Two</seg></tuv><tuv xml:lang="vi"><seg>Hai</seg></tuv></tu>` +
      `</body></tmx>`;
    const { first, written, second } = roundTrip(text);
    expect(first.bundle.documents.map((d) => d.sourceLang)).toEqual(["en"]);
    expect(first.bundle.documents[0]!.segments.map((s) => s.source)).toEqual(["One", "Two"]);
    expect(srclangs(written, "header")).toEqual(["*all*"]);
    expect(written).toContain('<tu tuid="a" srclang="en-US">');
    expect(written).toContain('<tu tuid="b">');
    expect(second.bundle).toStrictEqual(first.bundle);
  });
});
