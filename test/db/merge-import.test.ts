import { describe, expect, it } from "vitest";
import { applyBundleImport, loadBundle, planBundleImport } from "../../src/db/operations/bundle.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { addComment } from "../../src/db/operations/comments.ts";
import { undo, redo } from "../../src/db/operations/history.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { writeJson } from "../../src/core/format/json/write-json.ts";
import { readMemoryFile } from "../../src/core/format/read-memory-file.ts";
import { writeTmx } from "../../src/core/format/tmx/write-tmx.ts";
import type { Bundle } from "../../src/core/model/bundle.ts";
import type { SelarasDb } from "../../src/db/database.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const tick = () => new Promise((r) => setTimeout(r, 5));

/** Everything a merge may touch, in a comparable order. */
async function dump(db: SelarasDb) {
  const byId = <T extends { id: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    translations: byId(await db.translations.toArray()),
    comments: byId(await db.comments.toArray()),
    segments: byId(await db.segments.toArray()),
    // updatedAt moves with every command, undo included.
    documents: byId(await db.documents.toArray()).map(({ updatedAt: _u, ...d }) => d),
  };
}

/**
 * The translator's document, exported to a reviewer (as JSON or TMX); then the translator goes on
 * working locally while the reviewer edits the file elsewhere.
 */
async function handOff(format: "json" | "tmx") {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    {
      title: "Dokumen",
      sourceLang: "id",
      text: "Satu. Dua.\nTiga. Empat.",
      origin: { kind: "user" },
    },
  ]);
  const segs = await segmentsOf(db, docId!);
  const ids = segs.map((s) => s.id);
  for (const [k, text] of ["Một.", "Hai.", "Ba.", "Bốn."].entries()) {
    await saveTranslation(db, { segmentId: ids[k]!, lang: "vi", text, user: "lan", confirm: true });
  }
  await tick();
  const exportedAt = new Date();
  const exported = await loadBundle(db, [docId!], undefined, {
    exportedAt: exportedAt.toISOString(),
  });
  await tick();

  // The reviewer, elsewhere: edits rows 0 and 2, adds a rejection reason on row 3.
  const reviewer: Bundle = structuredClone(exported);
  const rs = reviewer.documents[0]!.segments;
  const at = new Date(Date.now() + 1000).toISOString();
  rs[0]!.targets.vi = {
    text: "Một (bản duyệt).",
    status: "approved",
    changedBy: "rina",
    changedAt: at,
  };
  rs[2]!.targets.vi = {
    text: "Ba (bản duyệt).",
    status: "approved",
    changedBy: "rina",
    changedAt: at,
  };
  rs[3]!.targets.vi = {
    ...rs[3]!.targets.vi!,
    status: "rejected",
    changedBy: "rina",
    changedAt: at,
  };
  rs[3]!.comments = {
    vi: [{ id: "c-rina-1", author: "rina", at, text: 'Sai số: <b>4</b> & "bốn"', open: true }],
  };
  const fileText =
    format === "json"
      ? writeJson(reviewer, { exportedAt: new Date(at), toolVersion: "test" })
      : writeTmx(reviewer, {
          creationTool: "Selaras",
          creationToolVersion: "test",
          creationDate: new Date(at),
        });

  // The translator, meanwhile: edits rows 0 (the reviewer did too) and 1 (only here).
  await saveTranslation(db, { segmentId: ids[0]!, lang: "vi", text: "Một, sửa lại.", user: "lan" });
  await saveTranslation(db, { segmentId: ids[1]!, lang: "vi", text: "Hai, sửa lại.", user: "lan" });
  await tick();
  const read = readMemoryFile(new TextEncoder().encode(fileText), `review.${format}`);
  return { db, docId: docId!, ids, read };
}

describe("importing a reviewer's file of the same document (merge)", () => {
  for (const format of ["json", "tmx"] as const) {
    it(`${format}: merges cell by cell, one undo step that restores exactly, a revision per changed cell`, async () => {
      const { db, docId, ids, read } = await handOff(format);
      const plan = await planBundleImport(db, read.bundle);
      expect(plan.conflicts).toHaveLength(1);
      expect(plan.conflicts[0]!.merge).toMatchObject({ taken: 2, conflicts: 1, commentsAdded: 1 });
      const before = await dump(db);
      const historyBefore = await db.history.count();
      const revisionsBefore = await db.revisions.count();

      const result = await applyBundleImport(
        db,
        read.bundle,
        "merge",
        "lan",
        read.extras,
        read.exportedAt,
      );
      expect(result.merged).toHaveLength(1);
      expect(result.merged[0]).toMatchObject({ taken: 2, conflicts: 1, commentsAdded: 1 });
      expect(result.created).toEqual([]);
      expect(await db.documents.count()).toBe(1);

      const cell = async (k: number) => db.translations.get(`${ids[k]}:vi`);
      // Row 0: both changed → the local text stays, the reviewer's competes.
      expect((await cell(0))?.text).toBe("Một, sửa lại.");
      expect((await cell(0))?.competing).toEqual([
        expect.objectContaining({
          text: "Một (bản duyệt).",
          status: "approved",
          by: "rina",
          source: "import",
        }),
      ]);
      // Row 1: only the translator changed it → hers.
      expect((await cell(1))?.text).toBe("Hai, sửa lại.");
      expect((await cell(1))?.competing).toBeUndefined();
      // Row 2: only the reviewer changed it → the reviewer's text and status.
      expect(await cell(2)).toMatchObject({
        text: "Ba (bản duyệt).",
        status: "approved",
        changedBy: "rina",
      });
      // Row 3: the reviewer's rejection, with its reason as a comment.
      expect((await cell(3))?.status).toBe("rejected");
      expect(await db.comments.get("c-rina-1")).toMatchObject({
        segmentId: ids[3],
        lang: "vi",
        author: "rina",
        text: 'Sai số: <b>4</b> & "bốn"',
        open: 1,
      });

      // One undo step; a revision (action import) for each cell whose text or status changed.
      expect(await db.history.count()).toBe(historyBefore + 1);
      const added = (await db.revisions.toArray()).slice(revisionsBefore);
      expect(added.map((r) => `${r.translationId} ${r.action}`).sort()).toEqual(
        [`${ids[2]}:vi import`, `${ids[3]}:vi import`].sort(),
      );

      const after = await dump(db);
      expect(await undo(db, docId, "lan")).not.toBeNull();
      expect(await dump(db)).toEqual(before);
      await redo(db, docId, "lan");
      expect(await dump(db)).toEqual(after);
    });
  }

  it("a target the reviewer added where the local column has no cell yet is taken; undo removes it", async () => {
    const { db, docId, ids, read } = await handOff("json");
    const file: Bundle = structuredClone(read.bundle);
    const at = new Date(Date.now() + 2000).toISOString();
    file.documents[0]!.segments[2]!.targets.en = {
      text: "Three, in English.",
      status: "translated",
      changedBy: "rina",
      changedAt: at,
    };
    expect(await db.translations.where("[docId+lang]").equals([docId, "en"]).count()).toBe(0);
    const before = await dump(db);
    const result = await applyBundleImport(db, file, "merge", "lan", null, read.exportedAt);
    expect(result.merged[0]).toMatchObject({ taken: 3, conflicts: 1 });
    const en = await db.translations.where("[docId+lang]").equals([docId, "en"]).toArray();
    // The row gets its cell with the rows above it uncovered (one gap of two rows, not two stored
    // empty cells: issue 13 item 16), the text at row 3.
    expect(en.filter((c) => !c.gap).map((c) => c.text)).toEqual(["Three, in English."]);
    expect(en.filter((c) => c.gap).map((c) => [c.span, c.text])).toEqual([[2, ""]]);
    expect(en.find((c) => c.text !== "")).toMatchObject({ segmentId: ids[2], origin: "import" });
    await undo(db, docId, "lan");
    expect(await dump(db)).toEqual(before);
  });

  it("the same file imported twice changes nothing the second time", async () => {
    const { db, read } = await handOff("json");
    await applyBundleImport(db, read.bundle, "merge", "lan", read.extras, read.exportedAt);
    const once = await dump(db);
    const history = await db.history.count();
    const plan = await planBundleImport(db, read.bundle);
    expect(plan.conflicts[0]?.merge ?? { taken: 0, conflicts: 0 }).toMatchObject({
      taken: 0,
      conflicts: 0,
    });
    await applyBundleImport(db, read.bundle, "merge", "lan", read.extras, read.exportedAt);
    expect(await dump(db)).toEqual(once);
    expect(await db.history.count()).toBe(history);
  });

  it("is all-or-nothing: a bad document in the same file leaves the merge undone too", async () => {
    const { db, read } = await handOff("json");
    const before = await dump(db);
    const history = await db.history.count();
    const revisions = await db.revisions.count();
    const bad: Bundle = structuredClone(read.bundle);
    // A second, new document with two segments of one id: its write fails.
    const another = { ...structuredClone(read.bundle.documents[0]!), id: "another" };
    another.segments = another.segments.map((s) => ({ ...s, id: `x-${s.id}` }));
    another.segments[1]!.id = another.segments[0]!.id;
    bad.documents.push(another);
    await expect(
      applyBundleImport(db, bad, "merge", "lan", null, read.exportedAt),
    ).rejects.toThrow();
    expect(await dump(db)).toEqual(before);
    expect(await db.history.count()).toBe(history);
    expect(await db.revisions.count()).toBe(revisions);
  });

  it("keeps the local comments and resolves a thread the reviewer resolved", async () => {
    const { db, docId, ids } = await handOff("json");
    const id = await addComment(db, {
      segmentId: ids[1]!,
      lang: "vi",
      text: "Check the term.",
      author: "lan",
    });
    await tick();
    const exported = await loadBundle(db, [docId], undefined, {
      exportedAt: new Date().toISOString(),
    });
    const thread = exported.documents[0]!.segments[1]!.comments!.vi!;
    expect(thread.map((c) => c.id)).toEqual([id]);
    thread[0] = {
      ...thread[0]!,
      open: false,
      resolvedBy: "rina",
      resolvedAt: new Date().toISOString(),
    };
    await applyBundleImport(db, exported, "merge", "lan", null);
    expect(await db.comments.get(id)).toMatchObject({
      open: 0,
      resolvedBy: "rina",
      text: "Check the term.",
    });
  });
});
