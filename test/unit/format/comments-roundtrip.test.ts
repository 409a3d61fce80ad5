import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { Bundle, BundleComment } from "../../../src/core/model/bundle.ts";
import { writeJson } from "../../../src/core/format/json/write-json.ts";
import { readJson } from "../../../src/core/format/json/read-json.ts";
import { writeTmx } from "../../../src/core/format/tmx/write-tmx.ts";
import { readTmx } from "../../../src/core/format/tmx/read-tmx.ts";
import { writeXliff12 } from "../../../src/core/format/xliff/write-xliff12.ts";
import { writeXliff2 } from "../../../src/core/format/xliff/write-xliff2.ts";
import { readXliff } from "../../../src/core/format/xliff/read-xliff.ts";
import { writeTable, type TableFormat } from "../../../src/core/format/tsv/write-table.ts";
import { readTable } from "../../../src/core/format/tsv/read-table.ts";
import { decodeCommentNote, encodeCommentNote } from "../../../src/core/format/comment-note.ts";
import {
  checkTmxTexts,
  checkXmlSchema,
  readWithTranslateToolkit,
  withTempFiles,
  REPO_ROOT,
} from "../../helpers/xml-validators.ts";
import { validateJsonSchema } from "./json/mini-json-schema.ts";

const SCHEMA = JSON.parse(
  readFileSync(path.join(REPO_ROOT, "docs/json-schema/selaras-json-v1.schema.json"), "utf8"),
) as Record<string, unknown>;

// Real tools (xmllint, python): generous on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

const HOSTILE =
  'Kata "]" & <b>tag</b> ] [selaras-comment {"id":"x"}] \u2028 \'quote\' ✓ tiếng Việt';
const REJECTION: BundleComment = {
  id: "c-reject",
  author: "Rina (reviewer)",
  at: "2026-11-20T08:00:00.000Z",
  text: "Rejected: wrong number — 2.500 is 2,500 in English.",
  open: true,
};
const RESOLVED: BundleComment = {
  id: "c-resolved",
  author: "Minh",
  at: "2026-11-20T09:00:00.000Z",
  text: "Term checked with the glossary.",
  open: false,
  resolvedBy: "Lan ]}",
  resolvedAt: "2026-11-21T10:00:00.000Z",
};
const HOSTILE_COMMENT: BundleComment = {
  id: 'c-"]hostile',
  author: '<script>alert("x")</script> ]',
  at: "2026-11-22T11:00:00.000Z",
  text: HOSTILE,
  open: true,
};

const BUNDLE: Bundle = {
  documents: [
    {
      id: "doc-1",
      title: "Banjir",
      sourceLang: "id",
      segments: [
        {
          id: "s1",
          paragraph: 0,
          source: "Harga naik 2.500 rupiah.",
          targets: {
            vi: { text: "Giá tăng 2.500 rupiah.", status: "approved" },
            en: { text: "Prices rose 2.500 rupiah.", status: "rejected" },
          },
          comments: { en: [REJECTION, HOSTILE_COMMENT], vi: [RESOLVED] },
        },
        {
          id: "s2",
          paragraph: 0,
          source: "Hujan deras.",
          targets: { vi: { text: "Mưa lớn.", status: "translated" } },
          // A comment on a language without a target (the thread still travels).
          comments: { en: [{ ...REJECTION, id: "c-no-target", text: "Please translate." }] },
        },
      ],
    },
  ],
};

const comments = (b: Bundle) =>
  b.documents.flatMap((d) => d.segments.map((s) => ({ id: s.id, comments: s.comments ?? {} })));
const only = (b: Bundle, lang: "vi" | "en") =>
  comments(b).map(({ id, comments: c }) => ({ id, comments: c[lang] ?? [] }));

describe("comment notes", () => {
  it("encode → decode gives the comment back, whatever the text, author or id", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 40 });
    fc.assert(
      fc.property(
        fc.record({
          id: text.filter((s) => s !== ""),
          author: text,
          at: text,
          text,
          open: fc.boolean(),
          resolvedBy: fc.option(text, { nil: undefined }),
        }),
        (raw) => {
          const c: BundleComment = { ...raw };
          if (raw.resolvedBy === undefined) delete c.resolvedBy;
          expect(decodeCommentNote(encodeCommentNote(c, "en"))).toEqual({ comment: c, lang: "en" });
        },
      ),
    );
  });

  it("a plain note is not a comment", () => {
    expect(decodeCommentNote("[selaras-comment nope] x")).toBeNull();
    expect(decodeCommentNote("Just a note")).toBeNull();
  });
});

describe("comments travel in every export and come back", () => {
  it("JSON (valid against the published schema, with competing versions and a baseline)", () => {
    const withMore: Bundle = structuredClone(BUNDLE);
    withMore.documents[0]!.baseline = "2026-11-22T00:00:00.000Z";
    withMore.documents[0]!.segments[0]!.targets.vi!.competing = [
      {
        text: "Giá lên 2.500.",
        status: "draft",
        by: "Rina",
        at: "2026-11-22T01:00:00.000Z",
        source: "import",
      },
    ];
    const text = writeJson(withMore, {
      exportedAt: new Date("2026-11-23T00:00:00Z"),
      toolVersion: "t",
    });
    expect(validateJsonSchema(SCHEMA, JSON.parse(text))).toEqual([]);
    const back = readJson(text);
    expect(comments(back)).toEqual(comments(BUNDLE));
    expect(back.documents[0]!.baseline).toBe("2026-11-22T00:00:00.000Z");
    expect(back.documents[0]!.segments[0]!.targets.vi!.competing).toEqual(
      withMore.documents[0]!.segments[0]!.targets.vi!.competing,
    );
  });

  it("TMX: as <note>s (on the tuv, or on the tu for a language without a target), DTD-valid, translate-toolkit still reads the units", () => {
    const out = writeTmx(BUNDLE, {
      creationTool: "Selaras",
      creationToolVersion: "0.1.0",
      creationDate: new Date("2026-11-23T01:02:03Z"),
    });
    expect(out).toContain("<note>[selaras-comment");
    expect(comments(readTmx(out))).toEqual(comments(BUNDLE));
    expect(checkTmxTexts([out])).toEqual({ ok: true, detail: "" });
    const units = withTempFiles([{ name: "c.tmx", content: out }], (p) =>
      readWithTranslateToolkit(p),
    )[0]!;
    expect(units.map((u) => u.texts)).toEqual([
      {
        id: "Harga naik 2.500 rupiah.",
        vi: "Giá tăng 2.500 rupiah.",
        en: "Prices rose 2.500 rupiah.",
      },
      { id: "Hujan deras.", vi: "Mưa lớn." },
    ]);
  });

  for (const [version, write, xsd] of [
    ["1.2", writeXliff12, "xliff-core-1.2-strict.xsd"],
    ["2.0", writeXliff2, "xliff_core_2.0.xsd"],
  ] as const) {
    it(`XLIFF ${version}: notes of the file's target language, schema-valid`, () => {
      for (const lang of ["en", "vi"] as const) {
        const out = write(BUNDLE, { targetLang: lang });
        expect(only(readXliff(out).bundle, lang)).toEqual(only(BUNDLE, lang));
        const check = withTempFiles([{ name: "c.xlf", content: out }], (p) =>
          checkXmlSchema(p, xsd),
        );
        expect(check).toEqual({ ok: true, detail: "" });
      }
    });
  }

  for (const format of ["tsv", "csv"] as TableFormat[]) {
    it(`${format.toUpperCase()}: a comments column per language that has comments`, () => {
      const out = writeTable(BUNDLE, { format, bom: false });
      const sep = format === "tsv" ? "\t" : ",";
      expect(out.split(/\r?\n/)[0]).toBe(
        ["id", "vi", "en", "vi comments", "en comments"].join(sep),
      );
      const back = readTable(out, { format });
      // A table has no segment ids: the threads come back in row order.
      const threads = (b: Bundle) => comments(b).map((s) => s.comments);
      expect(threads(back)).toEqual(threads(BUNDLE));
      // The target columns are unchanged by the comment columns.
      expect(back.documents[0]!.segments.map((s) => s.targets.en?.text)).toEqual([
        "Prices rose 2.500 rupiah.",
        undefined,
      ]);
    });
  }

  it("TSV/CSV: a comment text with a line that looks like a comment header stays one comment", () => {
    const tricky: Bundle = structuredClone(BUNDLE);
    const seg = tricky.documents[0]!.segments[0]!;
    seg.comments = {
      en: [
        {
          ...REJECTION,
          text: `line one\n${encodeCommentNote(RESOLVED)}\n\\back\r\n[selaras-comment x`,
        },
      ],
    };
    for (const format of ["tsv", "csv"] as TableFormat[]) {
      const back = readTable(writeTable(tricky, { format, bom: false }), { format });
      expect(back.documents[0]!.segments[0]!.comments).toEqual(seg.comments);
    }
  });
});
