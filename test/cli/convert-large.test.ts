/**
 * `convert` of a large TSV (issue 14 item 7: a million rows took 1.43 GB). The table's rows are read
 * one at a time and the TMX is built as it is written, so 200,000 rows convert within a 200 MB
 * heap; before, the rows were copied twice and the whole TMX (88 MB of text) built before writing,
 * and the same run died for lack of memory (it needed some 300 MB).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { nodeIo } from "../../src/cli/io.ts";

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
  it("turns 200,000 TSV rows into a TMX within a 200 MB heap", () => {
    const input = join(dir, "big.tsv");
    const output = join(dir, "big.tmx");
    writeFileSync(input, table(200_000));
    const result = spawnSync(
      process.execPath,
      ["--max-old-space-size=200", "--import", "tsx", "src/cli/main.ts", "convert", input, output],
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
