import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JSON_FORMAT_VERSION } from "../../../../src/core/format/json/format-version.ts";
import { readJson } from "../../../../src/core/format/json/read-json.ts";
import { OLDEST_FORMAT_VERSION, UPGRADES } from "../../../../src/core/format/json/restore.ts";
import { REPO_ROOT } from "../../../helpers/xml-validators.ts";

const FIXTURES = path.join(REPO_ROOT, "test/fixtures/json");

describe("JSON restore layer", () => {
  it("has an upgrader for every version from the oldest supported to the current one", () => {
    for (let v = OLDEST_FORMAT_VERSION; v < JSON_FORMAT_VERSION; v++) {
      expect(UPGRADES[v], `upgrader ${v} → ${v + 1}`).toBeTypeOf("function");
    }
    expect(
      Object.keys(UPGRADES)
        .map(Number)
        .every((v) => v < JSON_FORMAT_VERSION),
    ).toBe(true);
  });

  it("has a golden fixture for every supported version and reads each to its expected bundle", () => {
    const versions = new Set<number>();
    for (const file of readdirSync(FIXTURES).filter(
      (f) => /^v\d+-.*\.json$/.test(f) && !f.endsWith(".expected.json"),
    )) {
      const version = Number(/^v(\d+)/.exec(file)![1]);
      versions.add(version);
      const expected = JSON.parse(
        readFileSync(path.join(FIXTURES, file.replace(/\.json$/, ".expected.json")), "utf8"),
      );
      expect(readJson(readFileSync(path.join(FIXTURES, file), "utf8"))).toStrictEqual(expected);
    }
    for (let v = OLDEST_FORMAT_VERSION; v <= JSON_FORMAT_VERSION; v++)
      expect(versions.has(v), `fixture v${v}`).toBe(true);
  });
});
