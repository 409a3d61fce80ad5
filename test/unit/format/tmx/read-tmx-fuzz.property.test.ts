import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../../../src/core/model/app-error.ts";
import { readTmxBytes } from "../../../../src/core/format/tmx/read-tmx-bytes.ts";
import { readXliff } from "../../../../src/core/format/xliff/read-xliff.ts";
import { readJson } from "../../../../src/core/format/json/read-json.ts";
import { REPO_ROOT } from "../../../helpers/xml-validators.ts";

vi.setConfig({ testTimeout: 60_000 });

/** Every reader either returns a value or throws an AppError (a localizable code), never anything else. */
function onlyAppErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    expect(e.code).toMatch(/^(tmx|xliff|json)\.[a-z-]+$/);
  }
}

const SEEDS = [
  ...readdirSync(path.join(REPO_ROOT, "test/fixtures/tmx"))
    .filter((f) => f.endsWith(".tmx"))
    .map((f) => new Uint8Array(readFileSync(path.join(REPO_ROOT, "test/fixtures/tmx", f)))),
];

/** A seed file with a random slice replaced by random bytes (truncations, broken tags, bad UTF-8...). */
const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.nat(), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 12 }))
  .map(([seed, at, cut, insert]) => {
    const start = at % (seed.length + 1);
    const out = new Uint8Array(seed.length - Math.min(cut, seed.length - start) + insert.length);
    out.set(seed.subarray(0, start));
    out.set(insert, start);
    out.set(seed.subarray(start + Math.min(cut, seed.length - start)), start + insert.length);
    return out;
  });

describe("readers never crash (fuzz)", () => {
  it("mutated TMX files: a bundle or an AppError", () => {
    fc.assert(
      fc.property(mutated, (bytes) => onlyAppErrors(() => readTmxBytes(bytes, "fuzz.tmx"))),
      { numRuns: 1500 },
    );
  });

  it("arbitrary text as TMX, XLIFF and JSON: a value or an AppError", () => {
    const xmlish = fc.array(
      fc.oneof(
        fc.constantFrom(
          "<tmx",
          "<tu",
          "<tuv",
          "<seg",
          "<bpt",
          "</",
          ">",
          "/>",
          '"',
          "=",
          "&amp;",
          "&",
          "<![CDATA[",
          "]]>",
          "<!DOCTYPE tmx [",
          "<!ENTITY a 'b'>",
          "]>",
          "xml:lang",
          " srclang='id'",
          "\u0000",
          "\uE000",
          "\uE001",
        ),
        fc.string({ maxLength: 5 }),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(xmlish, (parts) => {
        const text = parts.join("");
        onlyAppErrors(() => readTmxBytes(new TextEncoder().encode(text), "f.tmx"));
        onlyAppErrors(() => readXliff(text));
        onlyAppErrors(() => readJson(text));
      }),
      { numRuns: 1500 },
    );
  });
});
