import { describe, expect, it } from "vitest";
import { rowsWithKeys } from "../../src/db/queries/rows-with-keys.ts";
import type { MemoryUnitRecord } from "../../src/db/records.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const unit = (key: string, origin = "a"): MemoryUnitRecord => ({
  key,
  sourceLang: "id",
  source: key,
  targets: { vi: { text: `${key} vi`, status: "translated" } },
  origin,
  importedAt: "2026-12-07T00:00:00.000Z",
});

describe("rowsWithKeys", () => {
  it("returns every row of each key once, across batches, whatever the order or repeats of the keys", async () => {
    const db = await freshDb();
    await db.memory.bulkAdd(Array.from({ length: 5_000 }, (_, k) => unit(`k${k}`)));
    await db.memory.bulkAdd([unit("k7", "b"), unit("k4999", "b")]);
    // 4,500 keys (three batches), some repeated, some held by no row, in no particular order.
    const keys = Array.from({ length: 4_500 }, (_, i) => `k${(i * 7919) % 6_000}`);
    keys.push("k7", "k7", "k4999");
    const rows = await rowsWithKeys(db.memory, "key", keys);
    const wanted = new Set(keys.filter((k) => Number(k.slice(1)) < 5_000));
    expect(new Set(rows.map((r) => r.key))).toEqual(wanted);
    expect(rows).toHaveLength(wanted.size + 2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.key === "k7").map((r) => r.origin)).toEqual(["a", "b"]);
    expect(await rowsWithKeys(db.memory, "key", [])).toEqual([]);
  });

  it("sees what the caller's transaction wrote and has not committed yet", async () => {
    const db = await freshDb();
    await expect(
      db.transaction("rw", db.memory, async () => {
        await db.memory.add(unit("new"));
        expect((await rowsWithKeys(db.memory, "key", ["new"])).map((r) => r.key)).toEqual(["new"]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await rowsWithKeys(db.memory, "key", ["new"])).toEqual([]);
  });
});
