/**
 * `convert` of a large TSV (issue 14 item 7: a million rows took 1.43 GB). The table's rows are read
 * one at a time, never held (read once to check them, once to write them), and the TMX is built as
 * it is written, so 200,000 rows convert within a 100 MB heap (they need less than 50 MB); before,
 * the rows were copied twice and the whole TMX (88 MB of text) built before writing, and the same
 * run died for lack of memory (it needed some 300 MB; holding the segments, some 130 MB).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { nodeIo } from "../../src/cli/io.ts";
import { run } from "../../src/cli/commands/convert.ts";
import { groupBundle } from "../../src/core/align-edit/bundle-alignment.ts";
import { readTable } from "../../src/core/format/tsv/read-table.ts";
import { writeTmx } from "../../src/core/format/tmx/write-tmx.ts";
import { findXmlUnsafeText } from "../../src/core/format/unsafe-text.ts";
import { TARGET_LANGS } from "../../src/core/model/languages.ts";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "selaras-convert-large-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ID = ["Halo", "Terima kasih", "Pagi", "Apa kabar?", "Saya lapar", "Rapat hari ini"];
const VI = ["Xin chào", "Cảm ơn", "Chào", "Khỏe không?", "Tôi đói", "Họp hôm nay"];
const EN = ["Hello", "Thanks", "Morning", "How are you?", "I am hungry", "Meeting today"];

const pick = (r: number) => (r * 7 + (r >> 3)) % ID.length;

function table(rows: number): string {
  const lines = ["id\tvi\ten"];
  for (let r = 0; r < rows; r++) {
    const k = pick(r);
    lines.push(`${ID[k]} ${r}\t${VI[k]} ${r}\t${EN[k]} ${r}`);
  }
  return `${lines.join("\n")}\n`;
}

describe("convert of a large table", () => {
  it("turns 200,000 TSV rows into a TMX within a 100 MB heap", () => {
    const input = join(dir, "big.tsv");
    const output = join(dir, "big.tmx");
    writeFileSync(input, table(200_000));
    const result = spawnSync(
      process.execPath,
      ["--max-old-space-size=100", "--import", "tsx", "src/cli/main.ts", "convert", input, output],
      { cwd: repo, encoding: "utf8", timeout: 120_000, env: { ...process.env, NODE_OPTIONS: "" } },
    );
    expect(result.stderr).toContain("1 documents, 200000 segments");
    expect(result.status).toBe(0);
    const tmx = readFileSync(output, "utf8");
    expect(tmx.match(/<tu /g)?.length).toBe(200_000);
    expect(tmx).toContain(`<seg>${VI[pick(199_999)]} 199999</seg>`);
    expect(tmx.endsWith("</body>\n</tmx>\n")).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["big.tmx", "big.tsv"]);
  }, 180_000);
});

describe("nodeIo.writeText with parts", () => {
  it("writes the parts in order as they are made", async () => {
    const path = join(dir, "parts.txt");
    function* parts() {
      for (let i = 0; i < 5; i++) yield `part ${i}\n`;
    }
    await nodeIo().writeText(path, parts());
    expect(readFileSync(path, "utf8")).toBe("part 0\npart 1\npart 2\npart 3\npart 4\n");
  });

  it("leaves the file as it was when a part fails, and no partial file beside it", async () => {
    const path = join(dir, "kept.txt");
    writeFileSync(path, "the earlier export\n");
    function* failing() {
      yield "<tmx>\n";
      yield "<tu/>\n".repeat(20_000);
      throw new Error("the writer failed half-way");
    }
    await expect(nodeIo().writeText(path, failing())).rejects.toThrow("half-way");
    expect(readFileSync(path, "utf8")).toBe("the earlier export\n");
    expect(readdirSync(dir).filter((f) => f.startsWith("kept.txt"))).toEqual(["kept.txt"]);
    const fresh = join(dir, "fresh.txt");
    await expect(nodeIo().writeText(fresh, failing())).rejects.toThrow("half-way");
    expect(existsSync(fresh)).toBe(false);
  });
});

describe("a table to TMX, read row by row", () => {
  /** Tables with what the rows can hold: quotes, formulas, comments, empty and untranslated rows. */
  const TABLES: [string, string][] = [
    [
      "t.tsv",
      'id\tvi\ten\tvi comments\n"Kutipan" kata dia.\t"Trích dẫn" anh nói.\t\t\n' +
        "'=SUM(A1)\t'=SUM(A1)\t'@x\t\n\t\t\t\nBanjir\u0001 naik.\t\tFloods\u0007 rise.\t\n" +
        "Hanya sumber\t\t\t\nSatu\tMột\tOne\tlan 2026-11-20T08:00:00.000Z: cek\n",
    ],
    ["t.csv", 'en,id\r\n"Hello, world",Halo dunia\r\n"Line 1\nLine 2",\r\nOnly English,\r\n'],
  ];
  const OPTIONS: string[][] = [
    [],
    ["--languages", "en"],
    ["--untranslated"],
    ["--status", "approved"],
    ["--languages", "vi,en", "--untranslated"],
  ];

  it.each(TABLES)(
    "%s: the same file and messages as through the whole bundle",
    async (name, text) => {
      for (const args of OPTIONS) {
        const files: Record<string, string> = {};
        let stderr = "";
        const io: CliIo = {
          stdout: () => undefined,
          stderr: (t) => void (stderr += t),
          readBytes: async () => new TextEncoder().encode(text),
          writeText: async (p, t) => void (files[p] = typeof t === "string" ? t : [...t].join("")),
        };
        process.env["SOURCE_DATE_EPOCH"] = "1700000000";
        try {
          expect(await run([name, "out.tmx", ...args], io)).toBe(0);
        } finally {
          delete process.env["SOURCE_DATE_EPOCH"];
        }
        // What the bundle path writes (readTable holds every segment).
        const format = name.endsWith(".tsv") ? "tsv" : "csv";
        const bundle = readTable(text, { format, fileName: name, title: "t" });
        const at = (flag: string) => args[args.indexOf(flag) + 1];
        const languages = args.includes("--languages")
          ? (at("--languages")!.split(",") as ("vi" | "en")[])
          : undefined;
        const statuses = args.includes("--status") ? [at("--status") as "approved"] : undefined;
        const expected = writeTmx(groupBundle(bundle, languages ?? TARGET_LANGS), {
          creationTool: "Selaras",
          creationToolVersion: JSON.parse(readFileSync("package.json", "utf8")).version,
          creationDate: new Date(1700000000 * 1000),
          ...(languages ? { languages } : {}),
          ...(statuses ? { statuses } : {}),
          includeUntranslated: args.includes("--untranslated"),
        });
        expect(files["out.tmx"], args.join(" ")).toBe(expected);
        const segments = bundle.documents[0]!.segments.length;
        expect(stderr, args.join(" ")).toContain(`1 documents, ${segments} segments → out.tmx`);
        const unsafe = findXmlUnsafeText(bundle);
        if (unsafe.length > 0) {
          const where = unsafe.map((u) => `${u.segmentId ?? u.documentId}/${u.field}`).join(", ");
          expect(stderr).toContain(
            `removed characters XML forbids in ${unsafe.length} texts: ${where}`,
          );
        } else expect(stderr).not.toContain("removed characters");
      }
    },
  );

  it("an unclosed quote late in the table writes nothing", async () => {
    const files: Record<string, string> = {};
    let stderr = "";
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      readBytes: async () => new TextEncoder().encode('id\ten\nSatu\tOne\n"Dua\tTwo\n'),
      writeText: async (p, t) => void (files[p] = typeof t === "string" ? t : [...t].join("")),
    };
    expect(await run(["late.tsv", "out.tmx"], io)).toBe(1);
    expect(stderr).toContain("(table.unclosed-quote)");
    expect(files).toEqual({});
  });
});
