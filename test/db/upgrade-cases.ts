import Dexie from "dexie";
import { expect } from "vitest";
import { createDb } from "../../src/db/database.ts";
import { CURRENT_VERSION, SCHEMA_VERSIONS } from "../../src/db/schema.ts";
import type { TranslationRecord } from "../../src/core/model/records.ts";

/** A database created by the code as it was at `version` (the chain cut there), filled by `fill`. */
async function seedAtVersion(name: string, version: number, fill: (db: Dexie) => Promise<void>) {
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
    old.version(v.version).stores(v.stores);
  }
  await old.open();
  await fill(old);
  old.close();
}

/**
 * One before/after case per schema version that has an upgrade (schema.test.ts runs them all and
 * fails when a version with an upgrade has none). Version 1 is the initial schema.
 */
export const UPGRADE_CASES: Record<number, () => Promise<void>> = {
  2: async () => {
    const name = `upgrade-v2-${Date.now()}`;
    const t: TranslationRecord = {
      id: "s1:vi",
      segmentId: "s1",
      docId: "d1",
      lang: "vi",
      text: "Xin chào.",
      status: "translated",
      createdBy: "lan",
      createdAt: "2026-01-01T00:00:00.000Z",
      changedBy: "minh",
      changedAt: "2026-01-02T00:00:00.000Z",
    };
    await seedAtVersion(name, 1, async (db) => {
      await db.table("documents").add({
        id: "d1",
        title: "Cũ",
        sourceLang: "id",
        origin: { kind: "user" },
        segmentCount: 1,
        createdAt: t.createdAt,
        updatedAt: t.changedAt,
      });
      await db
        .table("segments")
        .add({ id: "s1", docId: "d1", order: "i", paragraph: 0, source: "Halo." });
      await db.table("translations").add(t);
    });
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.translations.get("s1:vi")).toEqual(t);
    const revisions = await db.revisions.toArray();
    expect(revisions).toEqual([
      expect.objectContaining({
        translationId: "s1:vi",
        text: "Xin chào.",
        status: "translated",
        user: "minh",
        at: t.changedAt,
        action: "import",
      }),
    ]);
    expect(await db.history.count()).toBe(0);
    expect(await db.comments.count()).toBe(0);
    db.close();
  },
};
