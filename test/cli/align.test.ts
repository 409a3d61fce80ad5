import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/commands/align.ts";
import type { CliIo } from "../../src/cli/io.ts";

const root = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "selaras-align-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readBytes: async (p) => new Uint8Array(readFileSync(p)),
    writeText: async () => undefined,
  };
  const code = await run(args, io);
  return { code, out, err };
}

const source = file(
  "src.txt",
  ["Ada 2.500 delegasi.", "Mereka datang dari 119 negara.", "Acara dibuka di Hanoi."].join("\n"),
);
const target = file(
  "tgt.txt",
  [
    "There were 2,500 delegates.",
    "They came from 119 countries.",
    "Photographs of the opening session are shown on the next pages.",
    "The event opened in Hanoi.",
  ].join("\n"),
);

describe("align command", () => {
  it("prints one bead per line for presegmented input", async () => {
    const r = await cli([
      "--source",
      source,
      "--target",
      target,
      "--source-lang",
      "id",
      "--target-lang",
      "en",
      "--presegmented",
      "--format",
      "beads",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3]\n");
  });

  it("prints links with confidence as JSON by default", async () => {
    const r = await cli([
      "--source",
      source,
      "--target",
      target,
      "--target-lang",
      "en",
      "--presegmented",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      sourceCount: number;
      targetCount: number;
      links: Array<{ source: number[]; target: number[]; confidence: number }>;
    };
    expect(json.sourceCount).toBe(3);
    expect(json.targetCount).toBe(4);
    expect(json.links.map((l) => [l.source, l.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[], [2]],
      [[2], [3]],
    ]);
    for (const l of json.links) expect(l.confidence).toBeGreaterThanOrEqual(0);
    const nullLink = json.links[2]?.confidence ?? 1;
    expect(nullLink).toBeLessThan(json.links[0]?.confidence ?? 0);
  });

  it("segments whole texts with the language's rules and aligns the corpus to its gold", async () => {
    const name = "konvensi-hanoi-upacara-penandatanganan";
    const r = await cli([
      "--source",
      join(root, "corpus", "id", `${name}.txt`),
      "--target",
      join(root, "corpus", "vi", `${name}.txt`),
      "--source-lang",
      "id",
      "--target-lang",
      "vi",
      "--format",
      "beads",
    ]);
    expect(r.code).toBe(0);
    const gold = JSON.parse(
      readFileSync(join(root, "test", "fixtures", "align", `${name}.vi.gold.json`), "utf8"),
    ) as { links: Array<{ source: number[]; target: number[] }> };
    const expected = gold.links.map((l) => `[${l.source.join(", ")}]:[${l.target.join(", ")}]\n`);
    expect(r.out).toBe(expected.join(""));
  });

  it("reads a glossary (tab-separated pairs) and links the sentences that share a term", async () => {
    const src = file(
      "g-src.txt",
      "Pertemuan itu dimulai pada pagi hari di gedung utama.\nKejahatan siber itu sangat berbahaya bagi semua negara.\n",
    );
    const tgt = file(
      "g-tgt.txt",
      "Tội phạm mạng rất nguy hiểm đối với mọi quốc gia.\nTất cả các đại biểu đều đồng ý với kết luận đó.\n",
    );
    const glossary = file("glossary.tsv", "kejahatan siber\ttội phạm mạng\n");
    const base = ["--source", src, "--target", tgt, "--target-lang", "vi", "--presegmented"];
    const linked = (out: string): boolean =>
      (JSON.parse(out) as { links: Array<{ source: number[]; target: number[] }> }).links.some(
        (l) => l.source.includes(1) && l.target.includes(0),
      );
    const plain = await cli(base);
    const withGlossary = await cli([...base, "--glossary", glossary]);
    expect(withGlossary.code).toBe(0);
    expect(linked(plain.out)).toBe(false);
    expect(linked(withGlossary.out)).toBe(true);
  });

  it("numbers presegmented sentences by line, blank lines included", async () => {
    const src = file("b-src.txt", "Satu 1.\n\nTiga 3.\n");
    const tgt = file("b-tgt.txt", "One 1.\n\nThree 3.\n");
    const r = await cli(["--source", src, "--target", tgt, "--presegmented", "--format", "beads"]);
    expect(r.out).toBe("[0]:[0]\n[1]:[1]\n[2]:[2]\n");
  });

  it("fails with usage on missing or unknown options", async () => {
    expect((await cli(["--source", source])).code).toBe(2);
    const r = await cli(["--source", source, "--target", target, "--format", "xml"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage:");
    expect((await cli(["--source", source, "--target", target, "--bogus"])).code).toBe(2);
  });

  it.each([
    [
      "UTF-32 LE",
      [0xff, 0xfe, 0, 0, ...[..."Ada delegasi.\n"].flatMap((c) => [c.charCodeAt(0), 0, 0, 0])],
      "“u32.txt” is UTF-32 LE text, which Selaras does not read",
    ],
    [
      "UTF-16 without BOM",
      Buffer.from("Ada delegasi. Mereka datang.\n", "utf16le"),
      "“u16.txt” is UTF-16 LE text without a byte order mark, which Selaras does not read",
    ],
    ["binary", Buffer.from([0x41, 0, 0x42, 0x43, 0x44, 0x45, 0x46]), "“bin.txt” is a binary file"],
  ])(
    "refuses %s input by name instead of aligning NUL-filled text (issue 14 item 9)",
    async (_n, bytes, message) => {
      const name = message.slice(1, message.indexOf("”"));
      const bad = join(work, name);
      writeFileSync(bad, new Uint8Array(bytes));
      for (const args of [
        ["--source", bad, "--target", target],
        ["--source", source, "--target", bad, "--presegmented"],
      ]) {
        const r = await cli(args);
        expect(r.code).toBe(1);
        expect(r.out).toBe("");
        expect(r.err).toContain(message);
      }
    },
  );

  it("reports undecodable input as an error code", async () => {
    const bad = join(work, "bad.txt");
    writeFileSync(bad, Buffer.from([0x41, 0xff, 0x42]));
    const r = await cli(["--source", bad, "--target", target, "--presegmented"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("text.invalid-utf8");
  });
});
