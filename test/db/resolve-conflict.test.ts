import { describe, expect, it } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { resolveCellConflict } from "../../src/db/operations/resolve-conflict.ts";
import { undo } from "../../src/db/operations/history.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { shareDocument } from "../../src/db/sync/share.ts";
import { freshDb } from "../helpers/fresh-db.ts";

async function setup(shared: boolean) {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text: "Satu. Dua.", origin: { kind: "user" } },
  ]);
  const ids = (await segmentsOf(db, docId!)).map((s) => s.id);
  if (shared) {
    await db.syncState.add({
      projectId: "p1",
      name: "Tim",
      role: "owner",
      langs: null,
      cursor: 0,
      lastMutationId: 0,
      nextMutationId: 1,
    });
    await shareDocument(db, docId!, "p1");
  }
  await saveTranslation(db, { segmentId: ids[0]!, lang: "vi", text: "Một của Lan.", user: "lan" });
  const id = `${ids[0]}:vi`;
  const cell = (await db.translations.get(id))!;
  const conflicted = {
    ...cell,
    competing: [
      {
        text: "Một của Rina.",
        status: "translated",
        by: "rina",
        at: cell.changedAt,
        source: "sync" as const,
      },
    ],
  };
  await db.translations.put(conflicted);
  await db.outbox.clear();
  return { db, docId: docId!, id, conflicted };
}

describe("resolveCellConflict", () => {
  it("is one undoable command with a revision; undo brings the conflict back exactly", async () => {
    const { db, docId, id, conflicted } = await setup(false);
    const history = await db.history.count();
    await resolveCellConflict(db, {
      cellId: id,
      choice: { kind: "competing", index: 0 },
      expected: ["Một của Rina."],
      user: "lan",
    });
    expect(await db.translations.get(id)).toMatchObject({
      text: "Một của Rina.",
      changedBy: "rina",
    });
    expect((await db.translations.get(id))?.competing).toBeUndefined();
    expect(await db.history.count()).toBe(history + 1);
    expect(await db.revisions.where("translationId").equals(id).last()).toMatchObject({
      text: "Một của Rina.",
      user: "lan",
    });
    await undo(db, docId, "lan");
    expect(await db.translations.get(id)).toEqual(conflicted);
  });

  it("a stale decision changes nothing", async () => {
    const { db, id, conflicted } = await setup(false);
    await expect(
      resolveCellConflict(db, {
        cellId: id,
        choice: { kind: "current" },
        expected: [],
        user: "lan",
      }),
    ).rejects.toMatchObject({ code: "conflict.changed" });
    expect(await db.translations.get(id)).toEqual(conflicted);
  });

  it("in a shared document the decision goes to the outbox in the same command", async () => {
    const { db, id } = await setup(true);
    await resolveCellConflict(db, {
      cellId: id,
      choice: { kind: "current" },
      expected: ["Một của Rina."],
      user: "lan",
    });
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    const patch = entries[0]!.mutation.patches.find((p) => p.table === "translations")!;
    expect(patch.key).toBe(id);
    expect((patch.before as { competing?: unknown[] }).competing).toHaveLength(1);
    expect((patch.after as { competing?: unknown[] }).competing).toBeUndefined();
  });
});
