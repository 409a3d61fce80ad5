/**
 * `segment --rules` with hostile SRX files (issue 14 item 2): a rule that backtracks
 * catastrophically is stopped by the time limit and named; nothing is written; exit 1.
 * Before the fix these runs never ended (the spawn's own time-out fails the test).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { run } from "../../src/cli/commands/segment.ts";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (name: string) => `test/fixtures/robust/${name}`;

function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readBytes: async (path) => {
      const content =
        files[path] ?? readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
      return new Uint8Array(Buffer.from(content, "utf8"));
    },
    writeText: async () => {},
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

const TEXT = "Presiden hadir. Lalu acara besar dibuka di Jakarta pada hari Senin pagi ini!\n";

describe("segment --rules with catastrophic rules", () => {
  it.each([
    ["hostile.srx", "[.!?] | \\s(\\w+\\s?)+$"],
    ["nested.srx", "\\. | \\s(a+)+b"],
  ])("%s is refused quickly, naming the rule, writing nothing", (file, rule) => {
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/main.ts",
        "segment",
        "--lang",
        "id",
        "--rules",
        fixture(file),
        "-",
      ],
      { cwd: repo, input: TEXT, encoding: "utf8", timeout: 60_000 },
    );
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`the rule "${rule}" took more than 2 s`);
    expect(result.stderr).toContain("Nothing was written.");
  });

  it("(.*a){20} as a beforebreak (a lookbehind) is refused too", async () => {
    const srx = readFileSync(
      new URL("../fixtures/robust/nested.srx", import.meta.url),
      "utf8",
    ).replace("<afterbreak>\\s(a+)+b</afterbreak>", "<afterbreak>\\s</afterbreak>");
    const f = fakeIo({ "r.srx": srx, "-": TEXT });
    expect(await run(["--lang", "id", "--rules", "r.srx", "--time-limit", "0.2"], f.io)).toBe(1);
    // Named when that rule alone is slow within the limit, else the rules as a whole.
    expect(f.stderr()).toMatch(/the rules? (?:"\(\.\*a\)\{20\} \| \\s" )?took more than 0\.2 s/);
    expect(f.stdout()).toBe("");
  });

  it("a slow no-break rule is named too (alone, it is timed at every position)", async () => {
    // The hostile rule made a no-break rule, after an ordinary break rule that gives it places
    // to be tried: checked alone as a no-break rule it would never run.
    const srx = readFileSync(new URL("../fixtures/robust/hostile.srx", import.meta.url), "utf8")
      .replace('<rule break="yes">', '<rule break="no">')
      .replace(
        "</languagerule>",
        '<rule break="yes"><beforebreak>[.!?]</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>',
      );
    const f = fakeIo({ "r.srx": srx, "-": TEXT });
    expect(await run(["--lang", "id", "--rules", "r.srx", "--time-limit", "0.5"], f.io)).toBe(1);
    expect(f.stderr()).toContain('the rule "[.!?] | \\s(\\w+\\s?)+$" took more than 0.5 s');
    expect(f.stdout()).toBe("");
  });

  it("a rule slow only on the input (not on the test texts) is stopped on that paragraph", async () => {
    const srx = readFileSync(
      new URL("../fixtures/robust/hostile.srx", import.meta.url),
      "utf8",
    ).replace("\\s(\\w+\\s?)+$", "\\sLalu\\s(\\w+\\s?)+$");
    const f = fakeIo({ "r.srx": srx, "in.txt": `Ia datang.\n\n${TEXT}` });
    expect(
      await run(["--lang", "id", "--rules", "r.srx", "--time-limit", "0.5", "in.txt"], f.io),
    ).toBe(1);
    expect(f.stderr()).toContain("took more than 0.5 s on in.txt, paragraph 2 and was stopped");
    expect(f.stdout()).toBe("");
  });

  it("ordinary SRX rules still segment, under the limit", async () => {
    const f = fakeIo({ "-": TEXT });
    expect(
      await run(["--lang", "id", "--rules", "test/fixtures/segment/srx/java-style.srx"], f.io),
    ).toBe(0);
    expect(f.stdout()).toBe(
      "Presiden hadir.\nLalu acara besar dibuka di Jakarta pada hari Senin pagi ini!\n",
    );
  });

  it("--time-limit must be a positive number of seconds", async () => {
    const f = fakeIo({ "-": TEXT });
    expect(await run(["--lang", "id", "--time-limit", "soon"], f.io)).toBe(2);
    expect(f.stderr()).toContain("--time-limit must be a number of seconds");
  });
});

describe("segment reads text as the app does (issue 14 item 9)", () => {
  const bytesIo = (bytes: Uint8Array) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      readBytes: async () => bytes,
      writeText: async () => {},
    };
    return { io, stdout: () => out.join(""), stderr: () => err.join("") };
  };
  const utf16le = (text: string) => new Uint8Array(Buffer.from(text, "utf16le"));

  it.each([
    [
      "UTF-16 without BOM",
      utf16le("Ia datang. Lalu pergi."),
      "UTF-16 LE text without a byte order mark",
    ],
    [
      "UTF-32 LE with BOM",
      new Uint8Array([
        0xff,
        0xfe,
        0,
        0,
        ...[..."Ia datang."].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]),
      ]),
      "UTF-32 LE text",
    ],
    [
      "UTF-32 BE without BOM",
      new Uint8Array([..."Ia datang."].flatMap((c) => [0, 0, 0, c.charCodeAt(0)])),
      "UTF-32 BE text",
    ],
  ])(
    "%s is refused with exit 1 and its name, no NUL-filled output",
    async (_name, bytes, label) => {
      const f = bytesIo(bytes);
      expect(await run(["--lang", "id", "-"], f.io)).toBe(1);
      expect(f.stdout()).toBe("");
      expect(f.stderr()).toContain(`is ${label}, which Selaras does not read`);
    },
  );

  it("UTF-16 with BOM is still read", async () => {
    const f = bytesIo(new Uint8Array([0xff, 0xfe, ...utf16le("Ia datang. Lalu pergi.")]));
    expect(await run(["--lang", "id", "-"], f.io)).toBe(0);
    expect(f.stdout()).toBe("Ia datang.\nLalu pergi.\n");
  });
});
