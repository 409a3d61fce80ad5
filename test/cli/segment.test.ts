import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { run } from "../../src/cli/commands/segment.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const repo = fileURLToPath(new URL("../../", import.meta.url));

/** A CliIo whose files live in memory. */
function fakeIo(files: Record<string, Uint8Array | string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readBytes: async (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error("nope"), { code: "ENOENT", path });
      return typeof content === "string" ? new Uint8Array(Buffer.from(content, "utf8")) : content;
    },
    writeText: async () => {},
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

describe("segment command (in process)", () => {
  it("lines: one sentence per line, an empty line between paragraphs", async () => {
    const f = fakeIo({
      "in.txt": "Ia datang. Lalu pergi.\n\n\nKomentar (0)Presiden hadir.\r\nW-HAI_1275.jpg",
    });
    expect(await run(["--lang", "id", "in.txt"], f.io)).toBe(0);
    expect(f.stdout()).toBe(
      "Ia datang.\nLalu pergi.\n\nKomentar (0)\nPresiden hadir.\n\nW-HAI_1275.jpg\n",
    );
    expect(f.stderr()).toBe("");
  });

  it("jsonl: keeps ids and returns sentences", async () => {
    const f = fakeIo({
      "-": '{"id": "a1", "text": "Mr. Smith came. He left."}\n\n{"id": 7, "text": "One."}\n',
    });
    expect(await run(["--lang=en", "--format", "jsonl"], f.io)).toBe(0);
    expect(
      f
        .stdout()
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { id: "a1", sentences: ["Mr. Smith came.", "He left."] },
      { id: 7, sentences: ["One."] },
    ]);
  });

  it("jsonl: a bad line is an error naming the line", async () => {
    const f = fakeIo({ "x.jsonl": '{"id":1,"text":"A."}\n{oops\n' });
    expect(await run(["--lang", "id", "--format", "jsonl", "x.jsonl"], f.io)).toBe(1);
    expect(f.stderr()).toMatch(/x\.jsonl, line 2: not valid JSON/);
  });

  it("decodes UTF-8 with BOM, UTF-16 LE and UTF-16 BE with BOM", async () => {
    const text = "Việt Nam đẹp. António datang.";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    const f = fakeIo({
      bom: new Uint8Array(Buffer.from(`\ufeff${text}`, "utf8")),
      le: new Uint8Array(le),
      be: new Uint8Array(be),
    });
    for (const name of ["bom", "le", "be"]) {
      expect(await run(["--lang", "id", name], f.io)).toBe(0);
    }
    expect(f.stdout()).toBe("Việt Nam đẹp.\nAntónio datang.\n".repeat(3));
  });

  it("invalid UTF-8 is a clear error naming the file, exit 1", async () => {
    const f = fakeIo({ "latin1.txt": new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2e]) });
    expect(await run(["--lang", "id", "latin1.txt"], f.io)).toBe(1);
    expect(f.stderr()).toMatch(/latin1\.txt: not valid UTF-8 \(byte offset 3\)/);
    expect(f.stdout()).toBe("");
  });

  it("--rules FILE.srx segments with the rules of that file", async () => {
    const srx = readFileSync(new URL("../fixtures/segment/srx/java-style.srx", import.meta.url));
    const f = fakeIo({
      "rules.srx": new Uint8Array(srx),
      "-": "Ia lahir tgl. 5 Mei. Lalu pindah.\n",
    });
    expect(await run(["--lang", "id", "--rules", "rules.srx"], f.io)).toBe(0);
    // The file has no "tgl." exception, unlike the built-in Indonesian rules.
    expect(f.stdout()).toBe("Ia lahir tgl.\n5 Mei.\nLalu pindah.\n");
  });

  it("--rules with OmegaT's real rules (inline (?i)) segments; an untranslatable rule is left out and named", async () => {
    const srx = readFileSync(
      new URL("../fixtures/segment/srx/real/omegat-defaultRules-trimmed.srx", import.meta.url),
    );
    const f = fakeIo({
      "omegat.srx": new Uint8Array(srx),
      "-": "See e.g. the Fig. 3 now. He left!\n",
    });
    expect(await run(["--lang", "en", "--rules", "omegat.srx"], f.io)).toBe(0);
    expect(f.stdout()).toBe("See e.g. the Fig. 3 now.\nHe left!\n");
    expect(f.stderr()).toBe("");
    const one = fakeIo({
      "one.srx": `<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body><languagerules><languagerule languagerulename="Mine"><rule break="no"><beforebreak>[a-z&amp;&amp;[^b]]\\.</beforebreak><afterbreak>\\s</afterbreak></rule><rule><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="Mine"/></maprules></body></srx>`,
      "-": "Ia pergi. Lalu pulang.\n",
    });
    expect(await run(["--lang", "id", "--rules", "one.srx"], one.io)).toBe(0);
    expect(one.stdout()).toBe("Ia pergi.\nLalu pulang.\n");
    expect(one.stderr()).toBe(
      'segment: one.srx: line 1: a rule of "Mine" was left out: [a-z&&[^b]]\\. uses class intersection && that JavaScript cannot express\n',
    );
  });

  it("--rules with a bad SRX file: exit 1, the error code and position on stderr", async () => {
    const f = fakeIo({
      "bad.srx": '<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header',
      "-": "x",
    });
    expect(await run(["--lang", "id", "--rules", "bad.srx"], f.io)).toBe(1);
    expect(f.stderr()).toMatch(
      /bad\.srx: “bad\.srx” is not well-formed XML \(line 1, column \d+\)\. \(srx\.malformed\)/,
    );
  });

  it("a missing file is exit 1", async () => {
    const f = fakeIo({});
    expect(await run(["--lang", "id", "missing.txt"], f.io)).toBe(1);
    expect(f.stderr()).toMatch(/missing\.txt/);
  });

  it.each([
    [[]],
    [["--lang"]],
    [["--lang", "fr"]],
    [["--lang", "id", "--format", "xml"]],
    [["--lang", "id", "--bogus"]],
    [["--lang", "id", "a.txt", "b.txt"]],
  ])("bad arguments %j print usage on stderr, exit 2", async (args) => {
    const f = fakeIo({});
    expect(await run(args, f.io)).toBe(2);
    expect(f.stderr()).toMatch(/Usage: selaras segment --lang/);
    expect(f.stdout()).toBe("");
  });
});

describe("segment command (spawned)", () => {
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "segment", ...args], {
      cwd: repo,
      input,
      encoding: "utf8",
    });

  it("segments the concatenated seed texts from standard input", () => {
    const dir = tempDir("selaras-seg-");
    const a = join(repo, "corpus/id/konvensi-hanoi-menteri-luong-tam-quang.txt");
    const b = join(repo, "corpus/id/konvensi-hanoi-upacara-penandatanganan.txt");
    const both = spawnSync("cat", [a, b], { encoding: "utf8" }).stdout;
    writeFileSync(join(dir, "both.txt"), both);
    const result = cli(["--lang", "id", join(dir, "both.txt")]);
    expect(result.status).toBe(0);
    const blocks = result.stdout.trimEnd().split("\n\n");
    expect(blocks).toContain(
      "Komentar (0)\nPresiden Luong Cuong memimpin upacara penandatanganan Konvensi dengan partisipasi Sekretaris Jenderal Perserikatan Bangsa-Bangsa António Guterres dan banyak pemimpin senior negara, organisasi regional dan internasional.",
    );
    expect(blocks).toContain(
      "Presiden Luong Cuong menyambut Sekretaris Jenderal PBB pada upacara penandatanganan konvensi.\nFoto: VNA",
    );
    expect(blocks).toContain("W-HAI_1275.jpg");
  });

  it("reads standard input with '-' and exits 2 with usage on bad arguments", () => {
    const ok = cli(["--lang", "vi", "-"], "TS. Lê Văn An đến. Ông ấy vui.\n");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("TS. Lê Văn An đến.\nÔng ấy vui.\n");
    const bad = cli(["--format", "lines"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Usage:/);
  });

  it("invalid UTF-8 in a file: exit 1, the file named on stderr", () => {
    const dir = tempDir("selaras-seg-");
    const file = join(dir, "cp1252.txt");
    writeFileSync(file, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const result = cli(["--lang", "id", file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/not valid UTF-8/);
  });
});
