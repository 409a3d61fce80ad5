import { describe, expect, it } from "vitest";
import { buildFiles } from "../../src/ui/export/export-files.ts";
import type { Bundle } from "../../src/core/model/bundle.ts";

const bundle: Bundle = {
  documents: [
    {
      id: "d",
      title: "D",
      sourceLang: "id",
      segments: [
        {
          id: "s",
          paragraph: 0,
          source: "Satu.",
          targets: {
            vi: { text: "Một.", status: "approved" },
            en: { text: "One.", status: "draft" },
          },
        },
      ],
    },
  ],
};
const base = {
  langs: ["vi", "en"] as ("vi" | "en")[],
  statuses: undefined,
  perPair: false,
  bom: true,
  now: new Date("2026-01-01T00:00:00Z"),
  stem: "x",
  extras: { header: null, units: new Map() },
  includeNotes: true,
  includeProps: true,
};

describe("export files", () => {
  it("TMX: one file with both languages, or one per language pair", () => {
    expect(buildFiles(bundle, "tmx", base).map((f) => f.name)).toEqual(["x.tmx"]);
    const pairs = buildFiles(bundle, "tmx", { ...base, perPair: true });
    expect(pairs.map((f) => f.name)).toEqual(["x-id-vi.tmx", "x-id-en.tmx"]);
    expect(pairs[0]!.parts.join("")).toContain("Một.");
    expect(pairs[0]!.parts.join("")).not.toContain("One.");
  });

  it("TMX of every language writes back the languages without a column an import carried", () => {
    const extras = {
      header: null,
      units: new Map([
        [
          "s",
          {
            tu: { attrs: {}, annotations: [] },
            variants: {},
            others: [{ tag: "fr", text: "Un.", meta: { attrs: {}, annotations: [] } }],
          },
        ],
      ]),
    };
    const all = buildFiles(bundle, "tmx", { ...base, extras })[0]!.parts.join("");
    expect(all).toContain('<tuv xml:lang="fr">');
    expect(all).toContain("Un.");
    // A file that leaves a language out, or one per pair, is about those languages only.
    const onlyVi = buildFiles(bundle, "tmx", { ...base, extras, langs: ["vi"] })[0]!.parts.join("");
    expect(onlyVi).not.toContain("Un.");
    const pair = buildFiles(bundle, "tmx", { ...base, extras, perPair: true });
    expect(pair.map((f) => f.parts.join("")).some((t) => t.includes("Un."))).toBe(false);
  });

  it("XLIFF: one file per target language; CSV starts with a BOM unless turned off", () => {
    expect(buildFiles(bundle, "xliff2", base).map((f) => f.name)).toEqual(["x-vi.xlf", "x-en.xlf"]);
    expect(buildFiles(bundle, "xliff12", { ...base, langs: ["en"] }).map((f) => f.name)).toEqual([
      "x-en-1.2.xlf",
    ]);
    expect(buildFiles(bundle, "csv", base)[0]!.parts[0]!.charCodeAt(0)).toBe(0xfeff);
    expect(buildFiles(bundle, "csv", { ...base, bom: false })[0]!.parts[0]!.charCodeAt(0)).not.toBe(
      0xfeff,
    );
  });

  it("XLIFF of an English-source document: the Vietnamese file, English left out; mixed sources: a file per pair", () => {
    const en: Bundle = {
      documents: [
        {
          id: "e",
          title: "E",
          sourceLang: "en",
          segments: [
            {
              id: "t",
              paragraph: 0,
              source: "One.",
              targets: { vi: { text: "Một.", status: "translated" } },
            },
          ],
        },
      ],
    };
    const files = buildFiles(en, "xliff2", base);
    expect(files.map((f) => f.name)).toEqual(["x-vi.xlf"]);
    expect(files[0]!.parts.join("")).toContain('srcLang="en" trgLang="vi"');
    expect(buildFiles(en, "xliff12", { ...base, langs: ["en"] })).toEqual([]);
    const both: Bundle = { documents: [...bundle.documents, ...en.documents] };
    const mixed = buildFiles(both, "xliff2", base);
    expect(mixed.map((f) => f.name)).toEqual(["x-id-vi.xlf", "x-en-vi.xlf", "x-id-en.xlf"]);
    expect(mixed[1]!.parts.join("")).toContain("Một.");
    expect(mixed[1]!.parts.join("")).toContain("One.");
    // 1.2 names the source per <file>: one file per target holds both documents.
    expect(buildFiles(both, "xliff12", base).map((f) => f.name)).toEqual([
      "x-vi-1.2.xlf",
      "x-en-1.2.xlf",
    ]);
  });
});
