import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_VERSIONS } from "../../src/db/schema.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const snapshot = JSON.parse(
  readFileSync(new URL("../fixtures/db/schema.json", import.meta.url), "utf8"),
) as { version: number; tables: Record<string, { primKey: string; indexes: string[] }> };

describe("database schema", () => {
  it("matches the committed snapshot (change it only together with a new version)", async () => {
    const db = await freshDb();
    const live: Record<string, { primKey: string; indexes: string[] }> = {};
    for (const table of db.tables) {
      live[table.name] = {
        primKey: table.schema.primKey.src,
        indexes: table.schema.indexes.map((i) => i.src).sort(),
      };
    }
    expect({ version: db.verno, tables: live }).toEqual(snapshot);
    db.close();
  });

  it("declares versions in increasing order with unique names", () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(new Set(SCHEMA_VERSIONS.map((v) => v.name)).size).toBe(versions.length);
  });

  it("has an upgrade test case for every version that declares an upgrade", async () => {
    const withUpgrade = SCHEMA_VERSIONS.filter((v) => v.upgrade).map((v) => v.version);
    const { UPGRADE_CASES } = await import("./upgrade-cases.ts");
    expect(Object.keys(UPGRADE_CASES).map(Number).sort()).toEqual(withUpgrade.sort());
  });

  it("upgrades a database of every older version without losing data", async () => {
    const { UPGRADE_CASES, ADDITIVE_CASES } = await import("./upgrade-cases.ts");
    for (const run of Object.values(UPGRADE_CASES)) await run();
    for (const run of Object.values(ADDITIVE_CASES)) await run();
  });
});
