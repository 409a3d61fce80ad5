import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { Bundle } from "../../../../src/core/model/bundle.ts";
import type { AppError } from "../../../../src/core/model/app-error.ts";
import { readTable, tableRows } from "../../../../src/core/format/tsv/read-table.ts";
import { writeTable } from "../../../../src/core/format/tsv/write-table.ts";
import { guardFormula, unguardFormula } from "../../../../src/core/format/tsv/formula-guard.ts";
import type { TableFormat } from "../../../../src/core/format/tsv/write-table.ts";
import { withTempFiles } from "../../../helpers/xml-validators.ts";
import { bundleArb } from "../bundle-arbitraries.ts";

const BUNDLE: Bundle = {
  documents: [
    {
      id: "d",
      title: "t",
      sourceLang: "id",
      segments: [
        {
          id: "s1",
          paragraph: 0,
          source: 'Kata "kutip", koma\tdan tab',
          targets: {
            vi: { text: "Dòng 1\r\nDòng 2", status: "approved" },
            en: { text: "=1+1", status: "draft" },
          },
        },
        { id: "s2", paragraph: 1, source: "Tanpa terjemahan", targets: {} },
      ],
    },
  ],
};

/** Rows as Python's csv module (Excel dialect) reads them: a reader independent of ours. */
function pythonCsvRows(text: string, format: TableFormat): string[][] {
  const script = `
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as fh:
    print(json.dumps(list(csv.reader(fh, delimiter=sys.argv[2]))))`;

  // Real tools (xmllint, python) and property runs: generous on a busy CI machine.
  vi.setConfig({ testTimeout: 60_000 });
  return withTempFiles([{ name: `t.${format}`, content: text }], ([file]) => {
    const result = spawnSync(
      "/usr/bin/python3",
      ["-c", script, file!, format === "tsv" ? "\t" : ","],
      {
        encoding: "utf8",
      },
    );
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout) as string[][];
  });
}

describe("TSV/CSV", () => {
  it("writes language codes first, a BOM and CRLF rows, quoting what needs it", () => {
    const tsv = writeTable(BUNDLE, { format: "tsv" });
    expect(tsv).toBe(
      '\ufeffid\tvi\ten\r\n"Kata ""kutip"", koma\tdan tab"\t"Dòng 1\r\nDòng 2"\t\'=1+1\r\nTanpa terjemahan\t\t\r\n',
    );
    expect(writeTable(BUNDLE, { format: "csv", bom: false, languages: ["en"] })).toBe(
      'id,en\r\n"Kata ""kutip"", koma\tdan tab",\'=1+1\r\nTanpa terjemahan,\r\n',
    );
  });

  it("Python's csv module (Excel dialect) reads the same cells", () => {
    for (const format of ["tsv", "csv"] as const) {
      expect(pythonCsvRows(writeTable(BUNDLE, { format }), format)).toEqual([
        ["id", "vi", "en"],
        // The formula is text for a spreadsheet: the apostrophe guard is in the file.
        ['Kata "kutip", koma\tdan tab', "Dòng 1\r\nDòng 2", "'=1+1"],
        ["Tanpa terjemahan", "", ""],
      ]);
    }
  });

  it("round-trips texts of arbitrary bundles (property)", () => {
    fc.assert(
      fc.property(
        bundleArb({ maxDocs: 1 }),
        fc.constantFrom<TableFormat>("tsv", "csv"),
        (bundle, format) => {
          const doc = bundle.documents[0];
          const back = readTable(writeTable(bundle, { format }), { format });
          const rows = (doc?.segments ?? [])
            .map((s) => [
              s.source,
              ...(["vi", "en"] as const)
                .filter((l) => l !== doc!.sourceLang)
                .map((l) => s.targets[l]?.text ?? ""),
            ])
            .filter((cells) => cells.some((c) => c !== ""));
          const backRows = back.documents[0]!.segments.map((s) => [
            s.source,
            ...(["vi", "en"] as const)
              .filter((l) => l !== back.documents[0]!.sourceLang)
              .map((l) => s.targets[l]?.text ?? ""),
          ]);
          expect(back.documents[0]!.sourceLang).toBe(doc?.sourceLang ?? "id");
          expect(backRows).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("writes inline codes as placeholders by default, or as native markup on request", () => {
    const bold = '\uE000<bpt i="1">&lt;b&gt;</bpt>\uE001';
    const withCodes: Bundle = {
      documents: [
        {
          id: "d",
          title: "t",
          sourceLang: "id",
          segments: [{ id: "s", paragraph: 0, source: `${bold}Halo`, targets: {} }],
        },
      ],
    };
    const kept = writeTable(withCodes, { format: "csv", bom: false, languages: [] });
    expect(readTable(kept, { format: "csv" }).documents[0]!.segments[0]!.source).toBe(
      `${bold}Halo`,
    );
    expect(
      writeTable(withCodes, { format: "csv", bom: false, languages: [], codes: "native" }),
    ).toBe("id\r\n<b>Halo\r\n");
  });

  it("reads headers in any case and region, ignores unknown columns", () => {
    const bundle = readTable("ID-id,fr,VI-VN,notes\nHalo,Salut,Xin chào,x\n\n,,,\n", {
      format: "csv",
      title: "x.csv",
    });
    expect(bundle.documents[0]).toEqual({
      id: expect.stringMatching(/^table-[0-9a-f]{16}$/),
      title: "x.csv",
      sourceLang: "id",
      segments: [
        {
          id: "row-2",
          paragraph: 0,
          source: "Halo",
          targets: { vi: { text: "Xin chào", status: "translated" } },
        },
      ],
    });
  });

  it("fails with codes on empty files, unknown headers and open quotes", () => {
    const code = (text: string) => {
      try {
        readTable(text, { format: "tsv", fileName: "f.tsv" });
      } catch (e) {
        return `${(e as AppError).code} ${JSON.stringify((e as AppError).params)}`;
      }
      return "ok";
    };
    expect(code("\ufeff \r\n")).toBe('table.empty {"file":"f.tsv"}');
    expect(code("source\ttarget\na\tb\n")).toBe('table.no-languages {"file":"f.tsv"}');
    expect(code('id\tvi\na\tb\n"open\tquote\n')).toBe(
      'table.unclosed-quote {"file":"f.tsv","line":3}',
    );
  });

  it("gives rows one at a time, as they are read (a million-row file is never all rows at once)", () => {
    const rows = tableRows('id\tvi\nSatu\tMột\n\nDua\t"Hai\n"open\n', "\t", { file: "f.tsv" });
    expect(rows.next().value).toEqual(["id", "vi"]);
    expect(rows.next().value).toEqual(["Satu", "Một"]);
    expect(rows.next().value).toEqual([""]);
    // The row before the unclosed quote is read before the quote is reached.
    expect(rows.next().value).toEqual(["Dua", '"Hai']);
    expect(() => rows.next()).toThrow(
      expect.objectContaining({ code: "table.unclosed-quote", params: { file: "f.tsv", line: 5 } }),
    );
    // Segments keep the line they came from; empty rows are skipped.
    const segments = readTable("id\ten\nSatu\tOne\n\t\nDua\tTwo\n", { format: "tsv" }).documents[0]!
      .segments;
    expect(segments.map((s) => [s.id, s.paragraph, s.source, s.targets.en?.text])).toEqual([
      ["row-2", 0, "Satu", "One"],
      ["row-4", 1, "Dua", "Two"],
    ]);
  });

  it("keeps quotes that are part of the text (a cell starting with a quote it does not wrap)", () => {
    for (const [format, sep] of [
      ["tsv", "\t"],
      ["csv", ","],
    ] as const) {
      const text = `id${sep}en\r\n"Kutipan" kata dia.${sep}"Quote" he said.\r\n"Rapi"${sep}"a ""b"""\r\n`;
      const segments = readTable(text, { format }).documents[0]!.segments;
      expect(segments.map((s) => [s.source, s.targets.en?.text])).toEqual([
        ['"Kutipan" kata dia.', '"Quote" he said.'],
        ["Rapi", 'a "b"'],
      ]);
    }
  });

  it("writes formulas as text for spreadsheets and reads them back exactly", () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","klik")',
      "@SUM(A1:A9)",
      "+62 812 3456",
      "-5 persen",
      "'=already guarded",
      "''@two",
      "\tTab first",
      "'plain apostrophe",
    ];
    const bundle: Bundle = {
      documents: [
        {
          id: "d",
          title: "",
          sourceLang: "id",
          segments: hostile.map((text, i) => ({
            id: `s${i}`,
            paragraph: i,
            source: text,
            targets: { en: { text, status: "translated" } },
          })),
        },
      ],
    };
    for (const format of ["tsv", "csv"] as const) {
      const file = writeTable(bundle, { format, languages: ["en"] });
      const cells = pythonCsvRows(file, format).slice(1).flat();
      // What a spreadsheet gets: nothing starts with a formula character.
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(cells.filter((c) => c === "'plain apostrophe")).toHaveLength(2);
      const back = readTable(file, { format }).documents[0]!.segments;
      expect(back.map((s) => s.source)).toEqual(hostile);
      expect(back.map((s) => s.targets.en?.text)).toEqual(hostile);
    }
    fc.assert(
      fc.property(
        fc.tuple(
          fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "a") }),
          fc.string(),
        ),
        ([head, tail]) => {
          const text = head + tail;
          expect(unguardFormula(guardFormula(text))).toBe(text);
          expect(guardFormula(text)).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
