import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../../../src/core/model/app-error.ts";
import type { Bundle } from "../../../../src/core/model/bundle.ts";
import { readJson } from "../../../../src/core/format/json/read-json.ts";
import {
  JSON_FORMAT,
  JSON_FORMAT_VERSION,
  writeJson,
} from "../../../../src/core/format/json/write-json.ts";
import { REPO_ROOT } from "../../../helpers/xml-validators.ts";
import { readTmxBytes } from "../../../../src/core/format/tmx/read-tmx-bytes.ts";
import { tmxExtrasOf, withTmxMeta } from "../../../../src/core/format/tmx/bundle-tmx-meta.ts";
import { bundleArb } from "../bundle-arbitraries.ts";
import { validateJsonSchema } from "./mini-json-schema.ts";

// Real tools (xmllint, python) and property runs: generous on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

const SCHEMA = JSON.parse(
  readFileSync(path.join(REPO_ROOT, "docs/json-schema/selaras-json-v1.schema.json"), "utf8"),
) as Record<string, unknown>;
const META = { exportedAt: new Date("2026-11-23T00:00:00Z"), toolVersion: "0.1.0" };

const BUNDLE: Bundle = {
  documents: [
    {
      id: "d1",
      title: "Banjir",
      sourceLang: "id",
      createdAt: "2026-11-20T00:00:00.000Z",
      segments: [
        {
          id: "s1",
          paragraph: 0,
          source: "Halo.",
          targets: {
            vi: {
              text: "Xin chào.",
              status: "approved",
              createdBy: "lan",
              changedAt: "2026-11-21T00:00:00.000Z",
            },
          },
        },
      ],
    },
  ],
};

function error(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("JSON export", () => {
  it("writes the envelope and known keys only", () => {
    const withExtra = structuredClone(BUNDLE) as Bundle & { extra?: number };
    (withExtra.documents[0] as unknown as Record<string, unknown>)["secret"] = 1;
    const parsed = JSON.parse(writeJson(withExtra, META));
    expect(parsed).toMatchObject({
      format: JSON_FORMAT,
      formatVersion: JSON_FORMAT_VERSION,
      exportedAt: "2026-11-23T00:00:00.000Z",
      toolVersion: "0.1.0",
    });
    expect(parsed.documents[0]).not.toHaveProperty("secret");
  });

  it("carries aligned columns as cells (spans, no-source text, confidence, lock), validated", () => {
    const aligned = structuredClone(BUNDLE);
    aligned.documents[0]!.alignment = {
      en: [
        {
          span: 1,
          text: "Hello.",
          status: "draft",
          origin: "alignment",
          confidence: 0.42,
          locked: false,
        },
        {
          span: 0,
          text: "Extra.",
          status: "translated",
          origin: "typed",
          confidence: null,
          locked: true,
        },
      ],
    };
    const text = writeJson(aligned, META);
    expect(validateJsonSchema(SCHEMA, JSON.parse(text))).toEqual([]);
    expect(readJson(text)).toStrictEqual(aligned);
    const bad = JSON.parse(text);
    bad.documents[0].alignment.en[0].span = -1;
    expect(error(() => readJson(JSON.stringify(bad))).params).toMatchObject({
      path: "documents[0].alignment.en[0].span",
    });
    bad.documents[0].alignment.en[0].span = 1;
    bad.documents[0].alignment.en[0].confidence = 2;
    expect(validateJsonSchema(SCHEMA, bad)).not.toEqual([]);
    expect(error(() => readJson(JSON.stringify(bad))).code).toBe("json.invalid");
  });

  it("round-trips arbitrary bundles exactly and every export validates against the JSON Schema", () => {
    fc.assert(
      fc.property(bundleArb(), (bundle) => {
        const text = writeJson(bundle, META);
        expect(validateJsonSchema(SCHEMA, JSON.parse(text))).toEqual([]);
        expect(readJson(text)).toStrictEqual(bundle);
      }),
      { numRuns: 200 },
    );
  });

  it("carries a TMX's metadata (header with its ude, props, notes, other languages), validated and read back whole", () => {
    for (const name of [
      "lisa-compkit-ImportTest1L-utf8bom-all-attributes.tmx",
      "okapi-olifant-windows1252-props.tmx",
      "lisa-compkit-ImportTest2A-utf16le-level2.tmx",
    ]) {
      const file = path.join(REPO_ROOT, "../shared/samples/tmx", name);
      const read = readTmxBytes(new Uint8Array(readFileSync(file)), name);
      expect(read.extras.header, name).not.toBeNull();
      const text = writeJson(withTmxMeta(read.bundle, read.extras), META);
      expect(validateJsonSchema(SCHEMA, JSON.parse(text)), name).toEqual([]);
      const back = tmxExtrasOf(readJson(text));
      expect(back?.header, name).toEqual(read.extras.header);
      expect(new Map(back?.units), name).toEqual(read.extras.units);
    }
  });

  it("keeps a unit whose id is __proto__ as a unit, and refuses a malformed tmx section with its path", () => {
    const doc = BUNDLE.documents[0]!;
    const attrs = JSON.parse(`{"__proto__": "x", "usagecount": "3"}`) as Record<string, string>;
    const meta = { attrs, annotations: [] };
    const unit = { tu: meta, variants: {}, others: [{ tag: "fr-FR", text: "Salut.", meta }] };
    const units = Object.create(null) as Record<string, typeof unit>;
    units["__proto__"] = unit;
    const bundle: Bundle = {
      documents: [{ ...doc, segments: [{ ...doc.segments[0]!, id: "__proto__" }], tmx: { units } }],
    };
    const text = writeJson(bundle, META);
    const units2 = readJson(text).documents[0]!.tmx!.units;
    expect(Object.keys(units2)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(units2)).toBeNull();
    expect(units2["__proto__"]?.others[0]?.tag).toBe("fr-FR");
    expect(Object.keys(units2["__proto__"]!.tu.attrs)).toEqual(["__proto__", "usagecount"]);
    const bad = JSON.parse(text);
    bad.documents[0].tmx.units["__proto__"].others[0].text = 5;
    expect(error(() => readJson(JSON.stringify(bad))).params).toMatchObject({
      path: "documents[0].tmx.units.__proto__.others[0].text",
      expected: "string",
    });
    bad.documents[0].tmx.units["__proto__"].others[0].text = "ok";
    bad.documents[0].tmx.units["__proto__"].tu.annotations = [{ kind: "x", attrs: {}, text: "" }];
    expect(validateJsonSchema(SCHEMA, bad)).not.toEqual([]);
    expect(error(() => readJson(JSON.stringify(bad))).params).toMatchObject({
      path: "documents[0].tmx.units.__proto__.tu.annotations[0].kind",
    });
  });

  it("the schema checker rejects what the schema forbids", () => {
    const parsed = JSON.parse(writeJson(BUNDLE, META));
    parsed.documents[0].segments[0].targets.vi.status = "done";
    parsed.documents[0].segments[0].paragraph = -1;
    parsed.documents[0].sourceLang = "fr";
    delete parsed.documents[0].segments[0].source;
    expect(validateJsonSchema(SCHEMA, parsed)).toHaveLength(4);
  });
});

describe("readJson", () => {
  const good = writeJson(BUNDLE, META);

  it("accepts a BOM and drops unknown keys (lenient forward reading)", () => {
    const parsed = JSON.parse(good);
    parsed.future = true;
    parsed.documents[0].segments[0].note = "x";
    parsed.documents[0].segments[0].targets.fr = { text: "Salut", status: "draft" };
    expect(readJson(`\ufeff${JSON.stringify(parsed)}`)).toStrictEqual(BUNDLE);
  });

  it("reads a segment without targets as having none", () => {
    const parsed = JSON.parse(good);
    delete parsed.documents[0].segments[0].targets;
    expect(readJson(JSON.stringify(parsed)).documents[0]!.segments[0]!.targets).toEqual({});
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mutate = (fn: (p: Record<string, any>) => void): string => {
    const parsed = JSON.parse(good);
    fn(parsed);
    return JSON.stringify(parsed);
  };

  const cases: [string, string, string, Record<string, unknown>?][] = [
    ["empty", "  ", "json.empty"],
    ["syntax", '{"format": "selaras",\n "formatVersion": 1,,}', "json.syntax", { line: 2 }],
    ["not an object", "[1,2]", "json.not-an-export"],
    ["other format", mutate((p) => (p.format = "other")), "json.wrong-format"],
    [
      "future version",
      mutate((p) => (p.formatVersion = 2)),
      "json.version-too-new",
      { version: 2 },
    ],
    ["version 0", mutate((p) => (p.formatVersion = 0)), "json.unsupported-version"],
    ["version as string", mutate((p) => (p.formatVersion = "1")), "json.unsupported-version"],
    ["documents missing", mutate((p) => delete p.documents), "json.invalid", { path: "documents" }],
    [
      "bad status",
      mutate((p) => (p.documents[0].segments[0].targets.vi.status = "done")),
      "json.invalid",
      { path: "documents[0].segments[0].targets.vi.status" },
    ],
    [
      "fractional paragraph",
      mutate((p) => (p.documents[0].segments[0].paragraph = 1.5)),
      "json.invalid",
      { path: "documents[0].segments[0].paragraph" },
    ],
    [
      "unknown source language",
      mutate((p) => (p.documents[0].sourceLang = "fr")),
      "json.invalid",
      { path: "documents[0].sourceLang" },
    ],
    [
      "duplicate segment id",
      mutate((p) => p.documents[0].segments.push(p.documents[0].segments[0])),
      "json.duplicate-id",
      { id: "s1" },
    ],
  ];
  for (const [label, text, code, params] of cases) {
    it(`${label} → ${code}`, () => {
      const e = error(() => readJson(text, { fileName: "x.json" }));
      expect(e.code).toBe(code);
      expect(e.params).toMatchObject({ file: "x.json", ...params });
    });
  }
});
