import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/commands/convert.ts";
import type { CliIo } from "../../src/cli/io.ts";
import type { Bundle } from "../../src/core/model/bundle.ts";
import { readJson } from "../../src/core/format/json/read-json.ts";
import { writeJson } from "../../src/core/format/json/write-json.ts";
import { readTmx } from "../../src/core/format/tmx/read-tmx.ts";
import {
  REPO_ROOT,
  checkTmxFiles,
  checkTmxTexts,
  checkXmlSchema,
  readWithTranslateToolkit,
  withTempFiles,
} from "../helpers/xml-validators.ts";

const BUNDLE: Bundle = {
  documents: [
    {
      id: "doc-1",
      title: "Banjir",
      sourceLang: "id",
      segments: [
        {
          id: "s1",
          paragraph: 0,
          source: "Hujan deras.",
          targets: {
            vi: {
              text: "Mưa lớn.",
              status: "approved",
              createdBy: "lan",
              createdAt: "2026-11-20T08:00:00.000Z",
            },
            en: { text: "Heavy rain.", status: "draft" },
          },
        },
        {
          id: "s2",
          paragraph: 1,
          source: "Banjir\u0001 naik.",
          targets: { en: { text: "Floods rise.", status: "translated" } },
        },
      ],
    },
  ],
};

/** In-memory CliIo over a map of files. */
function memoryIo(files: Record<string, string | Uint8Array>) {
  const out = { stdout: "", stderr: "", files };
  const io: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readBytes: async (p) => {
      const f = files[p];
      if (f === undefined) throw new Error(`ENOENT: ${p}`);
      return typeof f === "string" ? new TextEncoder().encode(f) : f;
    },
    writeText: async (p, t) => void (files[p] = typeof t === "string" ? t : [...t].join("")),
  };
  return { io, out };
}

const json = writeJson(BUNDLE, { exportedAt: new Date(0), toolVersion: "t" });

describe("convert (in process)", () => {
  it("an XLIFF into a language without a column gives a TMX with those targets, also through JSON", async () => {
    const xlf = `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="en" target-language="fr" datatype="plaintext"><body>
    <trans-unit id="u1"><source>Open the <ph id="1">&lt;b&gt;</ph>file.</source><target>Ouvrez le <ph id="1">&lt;b&gt;</ph>fichier.</target></trans-unit>
    <trans-unit id="u2"><source>Close it.</source><target>Fermez-le.</target></trans-unit>
  </body></file>
</xliff>`;
    const { io, out } = memoryIo({ "in.xlf": xlf });
    expect(await run(["in.xlf", "out.tmx"], io)).toBe(0);
    expect(out.stderr).toContain("2 targets in fr");
    const tmx = out.files["out.tmx"] as string;
    expect(checkTmxTexts([tmx])).toEqual({ ok: true, detail: "" });
    expect(tmx.match(/<tuv xml:lang="fr">/g)).toHaveLength(2);
    expect(tmx).toContain("Fermez-le.");
    // Through our JSON backup: the same TMX.
    expect(await run(["in.xlf", "out.json"], io)).toBe(0);
    expect(await run(["out.json", "again.tmx"], io)).toBe(0);
    const same = (t: string) => t.replace(/creationdate="[^"]*"/g, "");
    expect(same(out.files["again.tmx"] as string)).toBe(same(tmx));
  });

  it("json → tmx → json keeps documents, segments and targets", async () => {
    const { io, out } = memoryIo({ "in.json": json });
    expect(await run(["in.json", "out.tmx"], io)).toBe(0);
    expect(await run(["out.tmx", "back.json"], io)).toBe(0);
    const back = readJson(out.files["back.json"] as string);
    expect(
      back.documents[0]!.segments.map((s) => [
        s.id,
        s.source,
        s.targets.vi?.text,
        s.targets.en?.status,
      ]),
    ).toEqual([
      ["s1", "Hujan deras.", "Mưa lớn.", "draft"],
      ["s2", "Banjir naik.", undefined, "translated"],
    ]);
    expect(out.stderr).toContain("removed characters XML forbids in 1 texts: s2/source");
  });

  it("filters by --languages and --status for both output formats", async () => {
    const { io, out } = memoryIo({ "in.json": json });
    expect(await run(["in.json", "vi.tmx", "--languages", "vi"], io)).toBe(0);
    const vi = readTmx(out.files["vi.tmx"] as string);
    // The unit with no Vietnamese is left out (issue 13 item 8), and stderr says so.
    expect(vi.documents[0]!.segments.map((s) => Object.keys(s.targets))).toEqual([["vi"]]);
    expect(out.stderr).toMatch(/1 unit\(s\) without a target .* left out/);
    expect(await run(["in.json", "all.tmx", "--languages", "vi", "--untranslated"], io)).toBe(0);
    const all = readTmx(out.files["all.tmx"] as string);
    expect(all.documents[0]!.segments.map((s) => Object.keys(s.targets))).toEqual([["vi"], []]);
    expect(await run(["in.json", "done.json", "--status=approved,translated"], io)).toBe(0);
    const done = readJson(out.files["done.json"] as string);
    expect(done.documents[0]!.segments.map((s) => Object.keys(s.targets))).toEqual([
      ["vi"],
      ["en"],
    ]);
  });

  it("writes to stdout with OUT '-' and --to", async () => {
    const { io, out } = memoryIo({ "in.json": json });
    expect(await run(["in.json", "-", "--to", "tmx"], io)).toBe(0);
    expect(out.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it("reports format errors with their code and exits 1", async () => {
    const { io, out } = memoryIo({
      "bad.tmx": "<tmx><header srclang='id'/><body><tu></body></tmx>",
    });
    expect(await run(["bad.tmx", "out.json"], io)).toBe(1);
    // In words, where, what to do, then the code (issue 11 class 12; raw JSON was expected here).
    expect(out.stderr).toMatch(
      /^convert: “bad\.tmx” is not well-formed XML \(line 1, column \d+\): .+\. Correct the file there or export it again from the tool that made it\. \(tmx\.not-well-formed\)\n$/,
    );
    expect(out.files["out.json"]).toBeUndefined();
  });

  it("names UTF-32 input and says to save it as UTF-8 (issue 14 item 8; it was called binary)", async () => {
    const text = "<?xml version='1.0'?><tmx version='1.4'><header srclang='id'/><body/></tmx>";
    const le = new Uint8Array([
      0xff,
      0xfe,
      0,
      0,
      ...[...text].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]),
    ]);
    const be = new Uint8Array([...text].flatMap((c) => [0, 0, 0, c.charCodeAt(0)]));
    const tsv = new Uint8Array(
      [..."id\ten\nHalo\tHello\n"].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]),
    );
    const { io, out } = memoryIo({ "le.tmx": le, "be.xlf": be, "t.tsv": tsv });
    expect(await run(["le.tmx", "out.json"], io)).toBe(1);
    expect(await run(["be.xlf", "out.json"], io)).toBe(1);
    expect(await run(["t.tsv", "out.json"], io)).toBe(1);
    expect(out.stderr.split("\n")).toEqual([
      "convert: “le.tmx” is UTF-32 LE text, which Selaras does not read. Save it as UTF-8 (or UTF-16) and try again. (tmx.unsupported-encoding)",
      "convert: “be.xlf” is UTF-32 BE text, which Selaras does not read. Save it as UTF-8 (or UTF-16) and try again. (xliff.unsupported-encoding)",
      "convert: “t.tsv” is UTF-32 LE text, which Selaras does not read. Save it as UTF-8 (or UTF-16 with a byte order mark) and try again. (txt.unsupported-encoding)",
      "",
    ]);
    expect(out.files["out.json"]).toBeUndefined();
  });

  it("says where a damaged file's bad bytes are (issue 14 item 8: no line or column before)", async () => {
    const tmx =
      "<?xml version='1.0'?>\n<tmx version='1.4'>\n<header srclang='id'/>\n<body>\n" +
      "<tu><tuv xml:lang='id'><seg>Harga naik</seg></tuv></tu>\n</body>\n</tmx>\n";
    const bytes = new TextEncoder().encode(tmx);
    const flipped = bytes.slice();
    flipped[tmx.indexOf("naik")] = 0xff;
    const nul = bytes.slice();
    nul[tmx.indexOf("Harga")] = 0;
    const { io, out } = memoryIo({ "flip.tmx": flipped, "nul.tmx": nul });
    expect(await run(["flip.tmx", "out.json"], io)).toBe(1);
    expect(await run(["nul.tmx", "out.json"], io)).toBe(1);
    const column = tmx.split("\n")[4]!.indexOf("naik") + 1;
    expect(out.stderr.split("\n")).toEqual([
      `convert: “flip.tmx” is not valid utf-8 text: the bytes at line 5, column ${column} are not a character. Save it again as UTF-8, or export it again from the tool that made it. (tmx.encoding)`,
      `convert: “nul.tmx” is a binary file, not a TMX file (a NUL byte at line 5, column ${column - 6}). (tmx.binary)`,
      "",
    ]);
  });

  it("says which texts lose half a character in TSV/CSV (issue 14 item 9: silently U+FFFD)", async () => {
    const bundle: Bundle = {
      documents: [
        {
          id: "d",
          title: "t",
          sourceLang: "id",
          segments: [
            {
              id: "s1",
              paragraph: 0,
              source: "Cut \ud83d",
              targets: { vi: { text: "Cắt", status: "draft" } },
            },
            {
              id: "s2",
              paragraph: 1,
              source: "Whole 😀",
              targets: { en: { text: "\ude00 end", status: "draft" } },
            },
          ],
        },
      ],
    };
    const text = writeJson(bundle, { exportedAt: new Date(0), toolVersion: "t" });
    for (const [args, expected] of [
      [
        ["out.tsv"],
        "2 texts hold half of a character (a lone surrogate), which UTF-8 cannot hold; written as U+FFFD: s1/source, s2/en",
      ],
      [
        ["out.csv", "--languages", "vi"],
        "1 texts hold half of a character (a lone surrogate), which UTF-8 cannot hold; written as U+FFFD: s1/source",
      ],
    ] as const) {
      const { io, out } = memoryIo({ "in.json": text });
      expect(await run(["in.json", ...args], io)).toBe(0);
      expect(out.stderr).toContain(`convert: ${expected}\n`);
    }
    const { io, out } = memoryIo({ "in.json": json });
    expect(await run(["in.json", "plain.tsv"], io)).toBe(0);
    expect(out.stderr).not.toContain("half of a character");
  });

  it("exits 2 on usage errors and 1 on unreadable input", async () => {
    const { io, out } = memoryIo({ "in.json": json });
    expect(await run(["in.json"], io)).toBe(2);
    expect(await run(["in.json", "out.docx"], io)).toBe(2);
    expect(await run(["in.json", "out.tmx", "--languages", "fr"], io)).toBe(2);
    expect(await run(["in.json", "out.tmx", "--status", "done"], io)).toBe(2);
    expect(await run(["in.json", "out.tmx", "--bogus", "1"], io)).toBe(2);
    expect(await run(["missing.json", "out.tmx"], io)).toBe(1);
    expect(out.stderr).toContain("unknown language: fr");
  });
});

describe("convert: more formats", () => {
  it("tmx → tmx keeps a real-world file's other languages, props and inline codes", async () => {
    const sample = path.resolve(
      REPO_ROOT,
      "../shared/samples/tmx/lisa-compkit-ImportTest2A-utf16le-level2.tmx",
    );
    const { io, out } = memoryIo({ "in.tmx": new Uint8Array(readFileSync(sample)) });
    expect(await run(["in.tmx", "out.tmx"], io)).toBe(0);
    const written = out.files["out.tmx"] as string;
    expect(written).toContain('<tuv xml:lang="fr-ca">');
    expect(written).toContain(
      '<bpt i="2" x="2" type="ulined">&lt;u&gt;</bpt>chat<ept i="2">&lt;/u&gt;</ept>',
    );
    expect(out.stderr).toContain("read TMX 1.4 (utf-16le), 7 units");
    expect(out.stderr).toContain("kept as extra variants (no column): fr-ca, FR-CA");
  });

  it("class 7: tmx → json → tmx gives what tmx → tmx gives (header, props, notes, other languages, udes)", async () => {
    process.env["SOURCE_DATE_EPOCH"] = "1767225600";
    try {
      for (const name of [
        "lisa-compkit-ImportTest1L-utf8bom-all-attributes.tmx",
        "okapi-olifant-windows1252-props.tmx",
        "lisa-compkit-ImportTest2A-utf16le-level2.tmx",
        "omegat-tmx11-multiple-tuv-crlf.tmx",
      ]) {
        const bytes = new Uint8Array(
          readFileSync(path.resolve(REPO_ROOT, "../shared/samples/tmx", name)),
        );
        const { io, out } = memoryIo({ "in.tmx": bytes });
        expect(await run(["in.tmx", "direct.tmx"], io)).toBe(0);
        expect(await run(["in.tmx", "backup.json"], io)).toBe(0);
        expect(await run(["backup.json", "again.json"], io)).toBe(0);
        expect(await run(["again.json", "back.tmx"], io)).toBe(0);
        expect(out.files["back.tmx"], name).toBe(out.files["direct.tmx"]);
        expect(out.files["again.json"], name).toBe(out.files["backup.json"]);
        const backup = JSON.parse(out.files["backup.json"] as string) as {
          documents: { tmx?: { header?: unknown; units: Record<string, unknown> } }[];
        };
        expect(backup.documents[0]?.tmx?.header, name).toBeDefined();
      }
    } finally {
      delete process.env["SOURCE_DATE_EPOCH"];
    }
  });

  it("writes one XLIFF file per target language unless one is chosen", async () => {
    const { io, out } = memoryIo({ "in.json": json });
    expect(await run(["in.json", "out.xlf"], io)).toBe(0);
    expect(Object.keys(out.files).sort()).toEqual(["in.json", "out-en.xlf", "out-vi.xlf"]);
    expect(out.files["out-vi.xlf"]).toContain('trgLang="vi"');
    expect(await run(["in.json", "one.xliff", "--languages", "en", "--to", "xliff12"], io)).toBe(0);
    expect(out.files["one.xliff"]).toContain('version="1.2"');
  });

  it("xlf → json reads XLIFF (2.0 and 1.2)", async () => {
    const { io, out } = memoryIo({ "in.json": json });
    expect(await run(["in.json", "out.xlf", "--languages", "vi"], io)).toBe(0);
    expect(await run(["out.xlf", "back.json"], io)).toBe(0);
    expect(out.stderr).toContain("read XLIFF 2.0, target vi");
    const back = readJson(out.files["back.json"] as string);
    expect(
      back.documents[0]!.segments.map((s) => [
        s.id,
        s.source,
        s.targets.vi?.text,
        s.targets.vi?.status,
      ]),
    ).toEqual([
      ["s1", "Hujan deras.", "Mưa lớn.", "approved"],
      ["s2", "Banjir naik.", undefined, undefined],
    ]);
  });

  it("json → csv → json keeps the texts", async () => {
    const { io, out } = memoryIo({ "in.json": json });
    expect(await run(["in.json", "t.csv"], io)).toBe(0);
    expect((out.files["t.csv"] as string).startsWith("\ufeffid,vi,en\r\n")).toBe(true);
    expect(await run(["t.csv", "back.json"], io)).toBe(0);
    const back = readJson(out.files["back.json"] as string);
    expect(
      back.documents[0]!.segments.map((s) => [s.source, s.targets.vi?.text, s.targets.en?.text]),
    ).toEqual([
      ["Hujan deras.", "Mưa lớn.", "Heavy rain."],
      ["Banjir\u0001 naik.", undefined, "Floods rise."],
    ]);
  });
});

describe("convert (real process: npm run cli)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "selaras-convert-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a TMX that xmllint and translate-toolkit accept", () => {
    writeFileSync(path.join(dir, "in.json"), json);
    const tmx = path.join(dir, "out.tmx");
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(REPO_ROOT, "src/cli/main.ts"),
        "convert",
        path.join(dir, "in.json"),
        tmx,
      ],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, SOURCE_DATE_EPOCH: "1700000000" },
      },
    );
    expect(result.stderr).toContain("1 documents, 2 segments");
    expect(result.status).toBe(0);
    expect(readFileSync(tmx, "utf8")).toContain('creationdate="20231114T221320Z"');
    expect(checkTmxFiles([tmx])).toEqual({ ok: true, detail: "" });
    const [units] = readWithTranslateToolkit([tmx]);
    expect(units).toEqual([
      { id: "s1", texts: { id: "Hujan deras.", vi: "Mưa lớn.", en: "Heavy rain." } },
      { id: "s2", texts: { id: "Banjir naik.", en: "Floods rise." } },
    ]);
  });
});

/** Issue 11 classes 8 and 12, and `.sdlxliff` input, on real files (test/fixtures/README.md). */
describe("convert: XLIFF of any source language, messages in words", () => {
  const real = (p: string) =>
    new Uint8Array(readFileSync(path.join(REPO_ROOT, "test/fixtures", p)));

  it("class 8: an English-source TMX (po2tmx) gives its Vietnamese XLIFF without --languages", async () => {
    const { io, out } = memoryIo({ "in.tmx": real("tmx/real/tt-po2tmx-validators.vi.tmx") });
    for (const [name, to, schema] of [
      ["out.xlf", "xliff", "xliff_core_2.0.xsd"],
      ["out12.xlf", "xliff12", "xliff-core-1.2-strict.xsd"],
    ] as const) {
      expect(await run(["in.tmx", name, "--to", to], io)).toBe(0);
      const text = out.files[name] as string;
      // One language has content: OUT itself, not OUT-vi / OUT-en.
      expect(Object.keys(out.files).filter((f) => f.startsWith(name.replace(".xlf", "")))).toEqual([
        name,
      ]);
      expect(text).toMatch(/srcLang="en" trgLang="vi"|source-language="en" target-language="vi"/);
      expect(withTempFiles([{ name, content: text }], (p) => checkXmlSchema(p, schema))).toEqual({
        ok: true,
        detail: "",
      });
      expect(await run([name, `${name}.json`], io)).toBe(0);
      const back = readJson(out.files[`${name}.json`] as string);
      expect(back.documents[0]!.sourceLang).toBe("en");
      expect(back.documents[0]!.segments).toHaveLength(8);
      expect(back.documents[0]!.segments.every((s) => s.targets.vi?.text)).toBe(true);
    }
    expect(out.stderr).toContain(
      "convert: no XLIFF for en: no document has segments in another source language (sources: en)",
    );
    // Asked for the one language that cannot be: refused in words, nothing written.
    expect(await run(["in.tmx", "en.xlf", "--languages", "en"], io)).toBe(1);
    expect(out.files["en.xlf"]).toBeUndefined();
    expect(out.stderr).toContain(
      "convert: Nothing to export in XLIFF for en: an XLIFF file needs a document with segments whose source language (en) is not its target language. Choose another target language, or export TMX or JSON. (xliff.nothing-to-export)",
    );
  });

  it("class 8: documents of several source languages give one XLIFF 2.0 file each (one srcLang per file)", async () => {
    const mixed: Bundle = {
      documents: [
        BUNDLE.documents[0]!,
        {
          id: "doc-en",
          title: "Rain",
          sourceLang: "en",
          segments: [
            {
              id: "e1",
              paragraph: 0,
              source: "Heavy rain.",
              targets: { vi: { text: "Mưa to.", status: "translated" } },
            },
          ],
        },
      ],
    };
    const { io, out } = memoryIo({
      "in.json": writeJson(mixed, { exportedAt: new Date(0), toolVersion: "test" }),
    });
    expect(await run(["in.json", "out.xlf"], io)).toBe(0);
    expect(
      Object.keys(out.files)
        .filter((f) => f.endsWith(".xlf"))
        .sort(),
    ).toEqual(["out-en-vi.xlf", "out-id-en.xlf", "out-id-vi.xlf"]);
    expect(out.files["out-en-vi.xlf"]).toContain('srcLang="en" trgLang="vi"');
    expect(out.files["out-en-vi.xlf"]).toContain("Mưa to.");
    // 1.2 names the source per <file>: one file per target language holds both documents.
    expect(await run(["in.json", "o12.xlf", "--to", "xliff12", "--languages", "vi"], io)).toBe(0);
    expect(out.files["o12.xlf"]).toContain('source-language="en" target-language="vi"');
    expect(out.files["o12.xlf"]).toContain('source-language="id" target-language="vi"');
  });

  it("reads .sdlxliff by its extension and keeps its units and segments when written back", async () => {
    const { io, out } = memoryIo({ "piazza.sdlxliff": real("xliff/real/matecat-piazza.sdlxliff") });
    expect(
      await run(["piazza.sdlxliff", "out.xlf", "--to", "xliff12", "--target-lang", "vi"], io),
    ).toBe(1);
    // The file names de-DE: --target-lang cannot overrule it, and says so.
    expect(out.stderr).toMatch(
      /“piazza\.sdlxliff” says its target language is “de-DE”.*\(xliff\.target-language-conflict\)/,
    );
    expect(await run(["piazza.sdlxliff", "p.json"], io)).toBe(0);
    expect(out.stderr).toContain("read XLIFF 1.2, target de-DE");
    expect(await run(["piazza.sdlxliff", "p12.xlf", "--to", "xliff12"], io)).toBe(0);
    expect(out.files["p12.xlf"]).toContain('<mrk mtype="seg"');
  });

  it("--target-lang reads the targets of an XLIFF that names no target language (Symfony)", async () => {
    const { io, out } = memoryIo({ "r.xlf": real("xliff/real/symfony-resources.xlf") });
    expect(await run(["r.xlf", "r.json"], io)).toBe(1);
    expect(out.stderr).toContain(
      "convert: “r.xlf” does not say its target language and 3 targets do not tell it. Choose the target language (in the CLI: --target-lang vi or en). (xliff.missing-target-language)",
    );
    expect(await run(["r.xlf", "r.json", "--target-lang", "vi"], io)).toBe(0);
    const back = readJson(out.files["r.json"] as string);
    expect(back.documents[0]!.segments.filter((s) => s.targets.vi)).toHaveLength(3);
    expect(await run(["r.xlf", "r.json", "--target-lang", "fr"], io)).toBe(2);
  });

  it("class 12: a broken XLIFF says what, where and what to do (the XML layer's message), not JSON", async () => {
    const { io, out } = memoryIo({
      "cut.xlf":
        '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file',
      "amp.xlf":
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="en" datatype="plaintext"><body><trans-unit id="1"><source>a & b</source></trans-unit></body></file></xliff>',
    });
    expect(await run(["cut.xlf", "x.json"], io)).toBe(1);
    expect(await run(["amp.xlf", "x.json"], io)).toBe(1);
    expect(out.stderr).toContain(
      "convert: “cut.xlf” ends too early (line 2, column 72): the file is truncated. (xliff.truncated)",
    );
    expect(out.stderr).toMatch(
      /convert: “amp\.xlf” is not well-formed XML \(line 1, column \d+\): unterminated entity reference\. Correct the file there/,
    );
    expect(out.stderr).not.toContain("{");
  });
});
