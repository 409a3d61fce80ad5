import Dexie from "dexie";
import { expect } from "vitest";
import { createDb } from "../../src/db/database.ts";
import { CURRENT_VERSION, SCHEMA_VERSIONS } from "../../src/db/schema.ts";
import type { LegacyTranslation } from "../../src/db/upgrades/v5-target-cells.ts";
import type { RecordPatch } from "../../src/core/edit/patch.ts";
import { undo, redo } from "../../src/db/operations/history.ts";

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
    const t: LegacyTranslation = {
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
    expect(await db.translations.get("s1:vi")).toMatchObject(t);
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
  5: async () => {
    // A v4 document: three rows, a translation on rows 1 and 3 (none on row 2), the en column
    // empty, and an undo history whose last command typed row 3 (before: no record).
    const name = `upgrade-v5-${Date.now()}`;
    const stamp = { createdBy: "lan", createdAt: "2026-01-01T00:00:00.000Z" };
    const legacy = (segmentId: string, text: string): LegacyTranslation => ({
      id: `${segmentId}:vi`,
      segmentId,
      docId: "d1",
      lang: "vi",
      text,
      status: "draft",
      ...stamp,
      changedBy: "lan",
      changedAt: "2026-01-02T00:00:00.000Z",
    });
    const orders = { s1: "a", s2: "b", s3: "c" };
    await seedAtVersion(name, 4, async (db) => {
      await db.table("documents").add({
        id: "d1",
        title: "Cũ",
        sourceLang: "id",
        origin: { kind: "user" },
        segmentCount: 3,
        createdAt: stamp.createdAt,
        updatedAt: stamp.createdAt,
      });
      for (const [id, order] of Object.entries(orders)) {
        await db
          .table("segments")
          .add({ id, docId: "d1", order, paragraph: 0, source: `Kalimat ${id}.` });
      }
      await db.table("translations").bulkAdd([legacy("s1", "Một."), legacy("s3", "Ba.")]);
      const patches = [
        { table: "translations", key: "s3:vi", before: null, after: legacy("s3", "Ba.") },
      ];
      await db.table("history").add({
        docId: "d1",
        label: "edit",
        mergeKey: null,
        patches,
        undone: 0,
        user: "lan",
        at: "2026-01-02T00:00:00.000Z",
      });
    });
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const column = await db.translations
      .where("[docId+lang+order]")
      .between(["d1", "vi", ""], ["d1", "vi", "\uffff"])
      .toArray();
    // Every row down to the last translated one has a one-row cell, in the rows' order, with the
    // old ids; the row without a translation got an empty one. The en column stays empty.
    expect(column.map((c) => [c.id, c.order, c.span, c.text, c.status])).toEqual([
      ["s1:vi", "a", 1, "Một.", "draft"],
      ["s2:vi", "b", 1, "", "empty"],
      ["s3:vi", "c", 1, "Ba.", "draft"],
    ]);
    expect(column[0]).toMatchObject({ ...legacy("s1", "Một."), origin: "typed", locked: false });
    expect(column[0]!.confidence).toBeNull();
    expect(await db.translations.where("[docId+lang]").equals(["d1", "en"]).count()).toBe(0);
    // The history was migrated with the records: undo empties row 3 instead of removing its cell
    // (which would shift nothing here, but would shift every row below in a longer column).
    const [h] = await db.history.toArray();
    const p = h!.patches[0] as RecordPatch & { table: "translations" };
    expect(p.before).toMatchObject({ id: "s3:vi", text: "", span: 1, order: "c" });
    expect(p.after).toMatchObject({ id: "s3:vi", text: "Ba.", span: 1, order: "c" });
    await undo(db, "d1", "lan");
    expect(await db.translations.get("s3:vi")).toMatchObject({ text: "", span: 1 });
    await redo(db, "d1", "lan");
    expect(await db.translations.get("s3:vi")).toMatchObject({ text: "Ba.", status: "draft" });
    db.close();
  },
};

/**
 * Versions that only add tables and indexes (no upgrade function): a database of the version before
 * opens at the current version with its records as they were. schema.test.ts runs these too.
 */
export const ADDITIVE_CASES: Record<number, () => Promise<void>> = {
  6: async () => {
    const name = `upgrade-v6-${Date.now()}`;
    const doc = {
      id: "d1",
      title: "Lokal",
      sourceLang: "id",
      origin: { kind: "user" },
      segmentCount: 1,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    const revision = {
      translationId: "s1:vi",
      segmentId: "s1",
      docId: "d1",
      lang: "vi",
      text: "Một.",
      status: "draft",
      user: "lan",
      at: doc.updatedAt,
      action: "edit",
    };
    await seedAtVersion(name, 5, async (db) => {
      await db.table("documents").add(doc);
      await db.table("revisions").add(revision);
      await db.table("memory").add({ key: "halo.", source: "Halo.", targets: {} });
    });
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // Existing documents stay local and untouched until their owner shares them.
    expect(await db.documents.get("d1")).toEqual(doc);
    expect(await db.documents.where("projectId").equals("p1").count()).toBe(0);
    expect(await db.revisions.toArray()).toEqual([{ ...revision, id: 1 }]);
    expect(await db.revisions.where("uid").equals("x").count()).toBe(0);
    expect(await db.memory.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    db.close();
  },
  7: async () => {
    const name = `upgrade-v7-${Date.now()}`;
    const doc = {
      id: "d1",
      title: "Lokal",
      sourceLang: "id",
      origin: { kind: "user" },
      segmentCount: 1,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    const segment = { id: "s1", docId: "d1", order: "i", paragraph: 0, source: "Halo." };
    await seedAtVersion(name, 6, async (db) => {
      await db.table("documents").add(doc);
      await db.table("segments").add(segment);
      await db.table("meta").add({ key: "repetitions", value: false });
      await db.table("memory").add({ key: "halo.", source: "Halo.", targets: {} });
    });
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // Existing data untouched; the glossary starts empty.
    expect(await db.documents.get("d1")).toEqual(doc);
    expect(await db.segments.get("s1")).toEqual(segment);
    expect(await db.meta.get("repetitions")).toEqual({ key: "repetitions", value: false });
    expect(await db.memory.count()).toBe(1);
    expect(await db.glossary.count()).toBe(0);
    db.close();
  },
  8: async () => {
    const name = `upgrade-v8-${Date.now()}`;
    const segment = { id: "s1", docId: "d1", order: "i", paragraph: 0, source: "Halo." };
    const cell = { id: "s1:vi", docId: "d1", segmentId: "s1", lang: "vi", text: "Chào." };
    await seedAtVersion(name, 7, async (db) => {
      await db.table("segments").add(segment);
      await db.table("translations").add(cell);
      await db.table("glossary").add({ id: "g1", terms: {} });
    });
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // Existing data untouched; no finding is dismissed yet.
    expect(await db.segments.get("s1")).toEqual(segment);
    expect(await db.translations.get("s1:vi")).toEqual(cell);
    expect(await db.glossary.count()).toBe(1);
    expect(await db.qaDismissals.count()).toBe(0);
    db.close();
  },
  9: async () => {
    const name = `upgrade-v9-${Date.now()}`;
    const cell = { id: "s1:vi", docId: "d1", segmentId: "s1", lang: "vi", text: "Chào." };
    await seedAtVersion(name, 8, async (db) => {
      await db.table("translations").add(cell);
      await db.table("qaDismissals").add({ id: "s1:vi:f", docId: "d1" });
    });
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // Existing data untouched; the edit journal starts empty.
    expect(await db.translations.get("s1:vi")).toEqual(cell);
    expect(await db.qaDismissals.count()).toBe(1);
    expect(await db.pendingEdits.count()).toBe(0);
    db.close();
  },
};
