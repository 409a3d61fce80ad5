import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readTbx } from "../../../src/core/format/tbx/read-tbx.ts";
import { writeTbx } from "../../../src/core/format/tbx/write-tbx.ts";
import {
  readGlossaryTable,
  writeGlossaryTable,
} from "../../../src/core/glossary/glossary-table.ts";
import type { Glossary, GlossaryConcept, GlossaryTerm } from "../../../src/core/glossary/model.ts";
import { cleanText, TERM_STATUSES } from "../../../src/core/glossary/model.ts";

const LANGS = ["id", "vi", "en", "fr", "pt-br"];
/** Text as the model keeps it: any characters (quotes, separators, `=`, `|`, `\`, markup, Vietnamese), cleaned. */
const text = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.string({
      unit: fc.constantFrom(
        "a",
        "đ",
        "ế",
        " ",
        '"',
        ",",
        "\t",
        "\n",
        "|",
        "\\",
        "=",
        "'",
        "<",
        "&",
        "-",
        "@",
      ),
      minLength: 1,
      maxLength: 12,
    }),
    fc.constantFrom("tanda tangan", "chữ ký", "=SUM(A1)", "a | b", "'+x"),
  )
  .map(cleanText)
  .filter((t) => t !== "");
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const term: fc.Arbitrary<GlossaryTerm> = fc
  .record({
    lang: fc.constantFrom(...LANGS),
    text,
    status: opt(fc.constantFrom(...TERM_STATUSES)),
    partOfSpeech: opt(text),
    note: opt(text),
    exactOnly: opt(fc.constant(true as const)),
    variants: opt(fc.array(text, { minLength: 1, maxLength: 3 })),
  })
  .map(
    (t) =>
      Object.fromEntries(
        Object.entries(t).filter(([, v]) => v !== undefined),
      ) as unknown as GlossaryTerm,
  );

const concept = (id: string): fc.Arbitrary<GlossaryConcept> =>
  fc
    .record({
      subject: opt(text),
      definition: opt(text),
      note: opt(text),
      // Terms language by language (the order both writers use).
      terms: fc
        .array(term, { minLength: 1, maxLength: 5 })
        .map((ts) => LANGS.flatMap((l) => ts.filter((t) => t.lang === l))),
    })
    .map(
      (c) =>
        ({
          id,
          ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)),
        }) as GlossaryConcept,
    );

const glossary: fc.Arbitrary<Glossary> = fc
  .uniqueArray(text, { maxLength: 6 })
  .chain((ids) => fc.tuple(...ids.map(concept)))
  .map((concepts) => ({ concepts }));

describe("round trip: what Selaras writes it reads back identical", () => {
  it("TBX-Basic", () => {
    fc.assert(
      fc.property(glossary, (g) => {
        expect(readTbx(writeTbx(g), { fileName: "g.tbx" }).glossary).toEqual(g);
      }),
      { numRuns: 300 },
    );
  });

  it.each(["csv", "tsv"] as const)("%s", (format) => {
    fc.assert(
      fc.property(glossary, (g) => {
        const written = writeGlossaryTable(g, { format });
        expect(readGlossaryTable(written, { format, fileName: `g.${format}` }).glossary).toEqual(g);
      }),
      { numRuns: 300 },
    );
  });
});
