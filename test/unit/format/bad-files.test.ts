import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/core/model/app-error.ts";
import { readJson } from "../../../src/core/format/json/read-json.ts";
import { readTmxBytes } from "../../../src/core/format/tmx/read-tmx-bytes.ts";
import { decodeText } from "../../../src/core/format/txt/decode.ts";
import { REPO_ROOT } from "../../helpers/xml-validators.ts";

const BAD = path.join(REPO_ROOT, "test/fixtures/bad");
const EXPECTED = JSON.parse(readFileSync(path.join(BAD, "expected-errors.json"), "utf8")) as Record<
  string,
  { code: string; params: Record<string, unknown> }
>;

/** The import pipeline per extension, as the UI and CLI run it. */
function importFile(name: string, bytes: Uint8Array): unknown {
  if (name.endsWith(".tmx")) return readTmxBytes(bytes, name);
  if (name.endsWith(".json")) return readJson(decodeText(bytes, name), { fileName: name });
  return decodeText(bytes, name);
}

describe("test/fixtures/bad: hostile and broken files", () => {
  const files = readdirSync(BAD).filter((f) => f !== "expected-errors.json");

  it("every bad file has an expected error, and the TMX ones all differ", () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    const tmxCodes = Object.entries(EXPECTED)
      .filter(([f]) => f.endsWith(".tmx"))
      .map(([, e]) => e.code);
    expect(new Set(tmxCodes).size).toBe(tmxCodes.length);
  });

  for (const file of files) {
    it(`${file} → ${EXPECTED[file]?.code}`, () => {
      const bytes = new Uint8Array(readFileSync(path.join(BAD, file)));
      let error: unknown;
      try {
        importFile(file, bytes);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      const { code, params } = error as AppError;
      expect({ code, params }).toMatchObject(EXPECTED[file]!);
    });
  }

  it("the entity bomb fails fast, without expansion", () => {
    const start = performance.now();
    expect(() =>
      importFile(
        "entity-bomb.tmx",
        new Uint8Array(readFileSync(path.join(BAD, "entity-bomb.tmx"))),
      ),
    ).toThrow(AppError);
    expect(performance.now() - start).toBeLessThan(100);
  });
});
