/**
 * Issue 13 item 5: a file that carries no document id of its own gets an id from its content, never
 * a constant, so two unrelated files never pass for "the same document".
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readMemoryFile } from "../../../src/core/format/read-memory-file.ts";

const SAMPLES = resolve(process.cwd(), "../shared/samples/tmx");
const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER =
  '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>';

function tmx(units: [string, string][], tuProps = ""): string {
  const tus = units.map(
    ([id, vi]) =>
      `<tu>${tuProps}<tuv xml:lang="id"><seg>${id}</seg></tuv><tuv xml:lang="vi"><seg>${vi}</seg></tuv></tu>`,
  );
  return `<?xml version="1.0"?><tmx version="1.4">${HEADER}<body>${tus.join("")}</body></tmx>`;
}

const idsOf = (input: string | Uint8Array, name: string) =>
  readMemoryFile(typeof input === "string" ? bytes(input) : input, name).bundle.documents.map(
    (d) => d.id,
  );

describe("document identity of files without a document id", () => {
  it("two unrelated compliance-kit TMX files are two documents, not one", () => {
    const a = idsOf(
      new Uint8Array(readFileSync(resolve(SAMPLES, "lisa-compkit-ImportTest1G-utf16be.tmx"))),
      "ImportTest1G.tmx",
    );
    const b = idsOf(
      new Uint8Array(
        readFileSync(resolve(SAMPLES, "lisa-compkit-ImportTest2A-utf16le-level2.tmx")),
      ),
      "ImportTest2A.tmx",
    );
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]).toMatch(/^tmx-[0-9a-f]{16}$/);
    expect(b[0]).toMatch(/^tmx-[0-9a-f]{16}$/);
    expect(a[0]).not.toBe(b[0]);
  });

  it("the same file read again is the same document; its targets do not change who it is", () => {
    const units: [string, string][] = [
      ["Selamat pagi.", "Chào buổi sáng."],
      ["Terima kasih.", "Cảm ơn."],
    ];
    const edited: [string, string][] = [
      ["Selamat pagi.", "Xin chào."],
      ["Terima kasih.", "Cảm ơn nhiều."],
    ];
    expect(idsOf(tmx(units), "kit.tmx")).toEqual(idsOf(tmx(units), "kit.tmx"));
    expect(idsOf(tmx(edited), "kit.tmx")).toEqual(idsOf(tmx(units), "kit.tmx"));
    // Same sources under another file name, or another source under the same name: not the same.
    expect(idsOf(tmx(units), "other.tmx")).not.toEqual(idsOf(tmx(units), "kit.tmx"));
    expect(idsOf(tmx([["Selamat malam.", "Chào buổi tối."]]), "kit.tmx")).not.toEqual(
      idsOf(tmx(units), "kit.tmx"),
    );
  });

  it("keeps the id a file carries (Selaras's x-document-id)", () => {
    const text = tmx([["Halo.", "Xin chào."]], '<prop type="x-document-id">d123</prop>');
    expect(idsOf(text, "a.tmx")).toEqual(["d123"]);
    expect(idsOf(text, "b.tmx")).toEqual(["d123"]);
  });

  it("any two different lists of sources give different ids (TMX, XLIFF 1.2, TSV)", () => {
    const sentence = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,12}\.$/);
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 5 }),
        fc.array(sentence, { minLength: 1, maxLength: 5 }),
        (a, b) => {
          fc.pre(a.join("\n") !== b.join("\n"));
          const pairs = (s: string[]) => s.map((x): [string, string] => [x, "vi"]);
          expect(idsOf(tmx(pairs(a)), "f.tmx")).not.toEqual(idsOf(tmx(pairs(b)), "f.tmx"));
          const xliff = (s: string[]) =>
            `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="id" target-language="vi" datatype="plaintext"><body>${s
              .map((x, i) => `<trans-unit id="u${i}"><source>${x}</source></trans-unit>`)
              .join("")}</body></file></xliff>`;
          const [xa, xb] = [idsOf(xliff(a), "f.xlf"), idsOf(xliff(b), "f.xlf")];
          expect(xa[0]).toMatch(/^xliff-/);
          expect(xa).not.toEqual(xb);
          const table = (s: string[]) => `id\tvi\n${s.map((x) => `${x}\tvi`).join("\n")}\n`;
          const [ta, tb] = [idsOf(table(a), "f.tsv"), idsOf(table(b), "f.tsv")];
          expect(ta[0]).toMatch(/^table-/);
          expect(ta).not.toEqual(tb);
        },
      ),
      { numRuns: 60 },
    );
  });
});
