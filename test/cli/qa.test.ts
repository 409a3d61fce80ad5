import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/commands/qa.ts";
import type { CliIo } from "../../src/cli/io.ts";
import type { Bundle } from "../../src/core/model/bundle.ts";
import { writeJson } from "../../src/core/format/json/write-json.ts";
import { REPO_ROOT } from "../helpers/xml-validators.ts";

const PLANTED = path.join(REPO_ROOT, "test/fixtures/qa/planted.tmx");
const CLEAN = path.join(REPO_ROOT, "test/fixtures/tm/corpus-memory.tmx");

function memoryIo(files: Record<string, string | Uint8Array>) {
  const out = { stdout: "", stderr: "" };
  const io: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readBytes: async (p) => {
      const f = files[p];
      if (f === undefined) throw new Error(`ENOENT: ${p}`);
      return typeof f === "string" ? new TextEncoder().encode(f) : f;
    },
    writeText: async () => {},
  };
  return { io, out };
}

const disk = (...paths: string[]) => Object.fromEntries(paths.map((p) => [p, readFileSync(p)]));

interface Line {
  tuid: string;
  lang: string;
  check: string;
  severity: string;
  message: string;
}
const lines = (text: string) =>
  text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Line);

/** The planted TMX's notes: which units hold an error (q07: "planted: …") and which are clean. */
function plantedNotes(): Map<string, string> {
  const xml = readFileSync(PLANTED, "utf8");
  return new Map(
    [...xml.matchAll(/<tu tuid="(q\d+)">\s*<note>([^<]*)<\/note>/g)].map((m) => [m[1]!, m[2]!]),
  );
}

describe("qa FILE --glossary", () => {
  it("reports forbidden and unused glossary terms from a glossary file; a bad one is a usage error", async () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="id" datatype="plaintext"/>
<body><tu tuid="g1"><tuv xml:lang="id"><seg>Anggaran dan tanda tangan.</seg></tuv><tuv xml:lang="vi"><seg>Ngân sách và chữ kí.</seg></tuv><tuv xml:lang="en"><seg>The plan and the signature.</seg></tuv></tu></body></tmx>`;
    const csv =
      "concept,id,vi,en,vi status\nk1,tanda tangan,chữ kí,signature,forbidden\nk1b,tanda tangan,chữ ký,,preferred\nk2,anggaran,ngân sách,budget,\n";
    const { io, out } = memoryIo({ "m.tmx": tmx, "g.csv": csv });
    expect(
      await run(["m.tmx", "--glossary", "g.csv", "--checks", "forbidden-terms,glossary-terms"], io),
    ).toBe(1);
    expect(lines(out.stdout).map((l) => [l.lang, l.check, l.message])).toEqual([
      [
        "en",
        "glossary-terms",
        "The source has the glossary term “Anggaran”, but the target has none of budget",
      ],
      ["vi", "forbidden-terms", "The glossary forbids “chữ kí” in this language"],
      [
        "vi",
        "glossary-terms",
        "The source has the glossary term “tanda tangan”, but the target has none of chữ ký",
      ],
    ]);
    const bad = memoryIo({ "m.tmx": tmx, "g.tbx": "<tbx" });
    expect(await run(["m.tmx", "--glossary", "g.tbx"], bad.io)).toBe(2);
    expect(bad.out.stderr).toContain("g.tbx");
  });
});

describe("qa FILE (in process)", () => {
  it("jsonl: one finding per line with exactly tuid, lang, check, severity, message; exit 1 on errors", async () => {
    const { io, out } = memoryIo(disk(PLANTED));
    expect(await run([PLANTED], io)).toBe(1);
    const found = lines(out.stdout);
    for (const f of found)
      expect(Object.keys(f)).toEqual(["tuid", "lang", "check", "severity", "message"]);
    expect(found).toContainEqual({
      tuid: "q02",
      lang: "en",
      check: "cross-target",
      severity: "error",
      message: "2.500 is in the source and the vi target, not in this one",
    });
    expect(found).toContainEqual({
      tuid: "q12",
      lang: "en",
      check: "end-punctuation",
      severity: "warning",
      message: "The source ends with ?, the target with .",
    });
    expect(out.stderr).toMatch(/qa: 24 units, \d+ findings \(6 errors, \d+ warnings, 0 notes\)/);
  });

  it("finds every planted error and nothing in the clean units of the planted file", async () => {
    const { io, out } = memoryIo(disk(PLANTED));
    await run([PLANTED], io);
    const found = lines(out.stdout);
    const notes = plantedNotes();
    const flagged = new Set(found.map((f) => f.tuid));
    for (const [tuid, note] of notes) {
      if (note.startsWith("planted")) expect(flagged.has(tuid), `${tuid}: ${note}`).toBe(true);
      if (note.startsWith("clean")) expect(flagged.has(tuid), `${tuid}: ${note}`).toBe(false);
    }
    // The column named is the one that is wrong.
    const where = (tuid: string) => [
      ...new Set(found.filter((f) => f.tuid === tuid).map((f) => f.lang)),
    ];
    expect(where("q02")).toEqual(["en"]);
    expect(where("q04")).toEqual(["vi"]);
    expect(where("q09")).toEqual(["vi"]);
    expect(where("q19")).toEqual(["en"]);
  });

  it("finds no error or warning in the corpus's own translations (exit 0)", async () => {
    const { io, out } = memoryIo(disk(CLEAN));
    expect(await run([CLEAN, "--format", "jsonl"], io)).toBe(0);
    expect(lines(out.stdout).filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("--checks runs only the named checks; a run with warnings only exits 0", async () => {
    const { io, out } = memoryIo(disk(PLANTED));
    expect(await run([PLANTED, "--checks", "spaces,repeated-words"], io)).toBe(0);
    expect(lines(out.stdout).map((f) => [f.tuid, f.lang, f.check])).toEqual([
      ["q13", "vi", "spaces"],
      ["q15", "vi", "repeated-words"],
    ]);
  });

  it("csv: a header and quoted fields", async () => {
    const { io, out } = memoryIo(disk(PLANTED));
    await run([PLANTED, "--format=csv", "--checks", "consistency"], io);
    expect(out.stdout.split("\r\n")).toEqual([
      "tuid,lang,check,severity,message",
      "q17,vi,consistency,warning,The same source is translated in 2 ways; others: “Ảnh: VNA”",
      "q18,vi,consistency,warning,The same source is translated in 2 ways; others: “Ảnh: TTXVN”",
      "",
    ]);
    const { io: io2, out: out2 } = memoryIo(disk(PLANTED));
    await run([PLANTED, "--format", "csv", "--checks", "numbers"], io2);
    expect(out2.stdout.split("\r\n")).toEqual([
      "tuid,lang,check,severity,message",
      'q02,en,numbers,error,"The source has 2.500, the target 2,800"',
      'q04,vi,numbers,error,"The source has 14.00 WIB, the target 16 giờ"',
      "",
    ]);
  });

  it("text: an aligned table, messages in the chosen locale", async () => {
    const { io, out } = memoryIo(disk(PLANTED));
    await run(
      [PLANTED, "--format", "text", "--checks", "repeated-words,brackets", "--locale", "vi"],
      io,
    );
    expect(out.stdout.split("\n")).toEqual([
      "tuid  lang  severity  check           message",
      "q14   en    warning   brackets        Dấu ( không cân đối",
      "q15   vi    warning   repeated-words  Từ bị lặp: của",
      "",
    ]);
  });

  it("reads our JSON export: an empty confirmed target is an error, the unit id is the tuid", async () => {
    const bundle: Bundle = {
      documents: [
        {
          id: "d1",
          title: "Banjir",
          sourceLang: "id",
          segments: [
            {
              id: "s1",
              paragraph: 0,
              source: "Hujan deras sejak pukul 05.00 WIB merendam 1.200 rumah.",
              targets: {
                vi: {
                  text: "Mưa lớn từ 5 giờ sáng làm ngập 1.200 ngôi nhà.",
                  status: "translated",
                },
                en: { text: "", status: "translated" },
              },
            },
          ],
        },
      ],
    };
    const json = writeJson(bundle, { exportedAt: new Date(0), toolVersion: "t" });
    const { io, out } = memoryIo({ "export.json": json });
    expect(await run(["export.json"], io)).toBe(1);
    expect(lines(out.stdout)).toEqual([
      {
        tuid: "s1",
        lang: "en",
        check: "empty",
        severity: "error",
        message: "The target is confirmed but empty",
      },
      {
        tuid: "s1",
        lang: "en",
        check: "cross-target",
        severity: "info",
        message: "The vi target is confirmed, this one is still empty",
      },
    ]);
  });

  it("usage errors exit 2 with the usage; a bad file too, with its localized reason", async () => {
    for (const args of [
      [],
      ["a.tmx", "b.tmx"],
      ["a.doc"],
      ["a.tmx", "--format", "xml"],
      ["a.tmx", "--checks", "spelling"],
      ["a.tmx", "--nope"],
    ]) {
      const { io, out } = memoryIo({});
      expect(await run(args, io), args.join(" ")).toBe(2);
      expect(out.stderr).toContain("usage: qa <FILE>");
    }
    const { io, out } = memoryIo({ "broken.tmx": "<tmx><body>" });
    expect(await run(["broken.tmx"], io)).toBe(2);
    expect(out.stderr).toMatch(/^qa: .+\(tmx\.[\w-]+\)\n$/);
    const missing = memoryIo({});
    expect(await run(["gone.tmx"], missing.io)).toBe(2);
    expect(missing.out.stderr).toContain("cannot read gone.tmx");
  });
});

describe("qa through the command line entry", () => {
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ["--import", "tsx", path.join(REPO_ROOT, "src/cli/main.ts"), "qa", ...args],
      {
        encoding: "utf8",
        cwd: REPO_ROOT,
      },
    );
  it("exits 1 on errors, 0 when clean, 2 on usage errors", () => {
    const planted = cli(PLANTED);
    expect(planted.status).toBe(1);
    expect(lines(planted.stdout).length).toBeGreaterThan(10);
    expect(cli(CLEAN).status).toBe(0);
    expect(cli("--format", "csv").status).toBe(2);
  });
  it("reads standard input with --from", () => {
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(REPO_ROOT, "src/cli/main.ts"),
        "qa",
        "-",
        "--from",
        "tmx",
        "--checks",
        "spaces",
      ],
      { encoding: "utf8", cwd: REPO_ROOT, input: readFileSync(PLANTED) },
    );
    expect(result.status).toBe(0);
    expect(lines(result.stdout).map((f) => f.tuid)).toEqual(["q13"]);
  });
});
