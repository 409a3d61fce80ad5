import { describe, expect, it } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { setStatus } from "../../src/db/operations/review.ts";
import { addComment, setThreadResolved } from "../../src/db/operations/comments.ts";
import { undo } from "../../src/db/operations/history.ts";
import { commitPatches, commitTables } from "../../src/db/operations/commit-patches.ts";
import { importIntoMemory } from "../../src/db/operations/project-memory.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { shareDocument, SHARE_CHUNK } from "../../src/db/sync/share.ts";
import type { SelarasDb } from "../../src/db/database.ts";
import type { SyncStateRecord } from "../../src/db/records.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const T0 = Date.parse("2026-03-01T10:00:00.000Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function project(id = "p1"): SyncStateRecord {
  return {
    projectId: id,
    name: "Tim",
    role: "owner",
    langs: null,
    cursor: 0,
    lastMutationId: 0,
    nextMutationId: 1,
  };
}

async function setup(shared = true) {
  const db = await freshDb();
  const [docId, localId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text: "Satu. Dua. Tiga.", origin: { kind: "user" } },
    { title: "Lokal", sourceLang: "id", text: "Empat.", origin: { kind: "user" } },
  ]);
  const ids = (await segmentsOf(db, docId!)).map((s) => s.id);
  const localIds = (await segmentsOf(db, localId!)).map((s) => s.id);
  await db.syncState.add(project());
  if (shared) await shareDocument(db, docId!, "p1");
  // The share's own creates are not what these tests look at.
  await db.outbox.clear();
  return { db, docId: docId!, ids, localId: localId!, localIds };
}

async function outbox(db: SelarasDb) {
  return (await db.outbox.orderBy("seq").toArray()).map((r) => r.mutation);
}

describe("outbox: commands on shared documents", () => {
  it("an edit appends one mutation with the cell patch and its revision by uid; a local document adds nothing", async () => {
    const { db, ids, localIds } = await setup();
    await saveTranslation(db, { segmentId: localIds[0]!, lang: "vi", text: "Bốn.", user: "lan" });
    expect(await db.outbox.count()).toBe(0);

    await saveTranslation(db, { segmentId: ids[0]!, lang: "vi", text: "Một.", user: "lan" });
    const [m, ...rest] = await outbox(db);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ id: 2, label: "edit" }); // id 1 went to the share
    const revision = (await db.revisions.where("translationId").equals(`${ids[0]}:vi`).last())!;
    expect(revision.uid).toMatch(/^r/);
    expect(m!.patches.map((p) => [p.table, p.key, p.before === null])).toEqual([
      ["translations", `${ids[0]}:vi`, true],
      ["revisions", revision.uid, true],
    ]);
    expect(m!.patches[0]!.after).toMatchObject({ text: "Một.", status: "draft" });
    expect(m!.patches[1]!.after).not.toHaveProperty("id");
    expect((await db.syncState.get("p1"))!.nextMutationId).toBe(3);
  });

  it("a typing burst joins its unsent entry (one create of the merged revision); once sent, the next step is a new mutation", async () => {
    const { db, ids } = await setup();
    const cell = { segmentId: ids[0]!, lang: "vi" as const, user: "lan" };
    await saveTranslation(db, { ...cell, text: "M", at: at(0) });
    await saveTranslation(db, { ...cell, text: "Mộ", at: at(1) });
    await saveTranslation(db, { ...cell, text: "Một.", at: at(2) });
    let entries = await outbox(db);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.patches).toHaveLength(2);
    expect(entries[0]!.patches[0]).toMatchObject({ before: null, after: { text: "Một." } });
    expect(entries[0]!.patches[1]).toMatchObject({ before: null, after: { text: "Một." } });
    expect(await db.revisions.where("translationId").equals(`${ids[0]}:vi`).count()).toBe(1);

    // The engine marks entries sent before pushing them: they are never amended after that.
    await db.outbox.toCollection().modify({ sent: 1 });
    await saveTranslation(db, { ...cell, text: "Một. Hai", at: at(3) });
    entries = await outbox(db);
    expect(entries).toHaveLength(2);
    expect(entries[1]!.patches.map((p) => p.table)).toEqual(["translations", "revisions"]);
    expect(entries[1]!.patches[0]).toMatchObject({
      before: { text: "Một." },
      after: { text: "Một. Hai" },
    });
    // A sent revision is append-only: the burst got a second revision instead of changing it.
    const revisions = await db.revisions.where("translationId").equals(`${ids[0]}:vi`).toArray();
    expect(revisions.map((r) => r.text)).toEqual(["Một.", "Một. Hai"]);
    expect(new Set(revisions.map((r) => r.uid)).size).toBe(2);
    // Locally it is still one undo step.
    expect(await db.history.count()).toBe(1);
  });

  it("comments, resolving, a reject's reason and undo each become mutations", async () => {
    const { db, ids } = await setup();
    const cell = { segmentId: ids[1]!, lang: "en" as const };
    await addComment(db, { ...cell, author: "rina", text: "Cek istilah." });
    await setThreadResolved(db, cell.segmentId, cell.lang, true, "lan");
    await saveTranslation(db, { ...cell, text: "Two.", user: "lan", confirm: true });
    await setStatus(db, {
      changes: [cell],
      action: "reject",
      user: "rina",
      role: "reviewer",
      comment: "Salah.",
    });
    await undo(db, (await db.documents.get((await db.segments.get(ids[1]!))!.docId))!.id, "rina");
    const entries = await outbox(db);
    expect(entries.map((m) => m.label)).toEqual([
      "comment",
      "resolve",
      "confirm",
      "reject",
      "reject",
    ]);
    expect(entries[0]!.patches).toEqual([
      expect.objectContaining({
        table: "comments",
        before: null,
        after: expect.objectContaining({ text: "Cek istilah.", open: 1 }),
      }),
    ]);
    expect(entries[1]!.patches[0]).toMatchObject({
      before: { open: 1 },
      after: { open: 0, resolvedBy: "lan" },
    });
    const reject = entries[3]!.patches;
    expect(reject.map((p) => p.table).sort()).toEqual(["comments", "revisions", "translations"]);
    expect(reject.find((p) => p.table === "comments")!.after).toMatchObject({ text: "Salah." });
    // The undo is a new mutation: the cell back to translated (the reason stays).
    const undone = entries[4]!.patches.find((p) => p.table === "translations")!;
    expect(undone).toMatchObject({
      before: { status: "rejected" },
      after: { status: "translated" },
    });
    expect(entries.map((m) => m.id)).toEqual([2, 3, 4, 5, 6]);
  });

  it("memory units go to every joined project, with uids", async () => {
    const { db } = await setup();
    await db.syncState.add(project("p2"));
    const bundle = {
      documents: [
        {
          id: "x",
          title: "TM",
          sourceLang: "id" as const,
          segments: [
            {
              id: "u1",
              paragraph: 0,
              source: "Halo.",
              targets: { vi: { text: "Xin chào.", status: "approved" as const } },
            },
          ],
        },
      ],
    };
    await importIntoMemory(db, bundle, "tm.tmx");
    const unit = (await db.memory.toArray())[0]!;
    expect(unit.uid).toMatch(/^m/);
    const rows = await db.outbox.orderBy("seq").toArray();
    expect(rows.map((r) => [r.projectId, r.mutation.docId, r.mutation.patches[0]!.key])).toEqual([
      ["p1", null, unit.uid],
      ["p2", null, unit.uid],
    ]);
  });
});

describe("outbox: an edit and its entry are never separated", () => {
  it("a transaction that fails after the patch is written leaves neither the edit nor the entry", async () => {
    const { db, ids, docId } = await setup();
    const before = (await db.translations.get(`${ids[2]}:vi`)) ?? null;
    const after = {
      id: `${ids[2]}:vi`,
      docId,
      segmentId: ids[2]!,
      lang: "vi" as const,
      order: "zz",
      span: 1,
      text: "Ba.",
      status: "draft" as const,
      origin: "typed" as const,
      confidence: null,
      locked: false,
      createdBy: "lan",
      createdAt: at(0),
      changedBy: "lan",
      changedAt: at(0),
    };
    await expect(
      db.transaction("rw", commitTables(db), async () => {
        await commitPatches(db, [{ table: "translations", key: after.id, before, after }], {
          docId,
          label: "edit",
          user: "lan",
          at: at(0),
          action: "edit",
        });
        expect(await db.outbox.count()).toBe(1);
        expect((await db.translations.get(after.id))?.text).toBe("Ba.");
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(await db.translations.get(after.id)).toEqual(before ?? undefined);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.syncState.get("p1"))!.nextMutationId).toBe(2);
  });

  it("an outbox write that fails takes the edit with it", async () => {
    const { db, ids } = await setup();
    const original = db.outbox.add.bind(db.outbox);
    db.outbox.add = (() => Promise.reject(new Error("quota"))) as unknown as typeof db.outbox.add;
    try {
      await expect(
        saveTranslation(db, { segmentId: ids[0]!, lang: "vi", text: "Một.", user: "lan" }),
      ).rejects.toThrow("quota");
    } finally {
      db.outbox.add = original;
    }
    expect((await db.translations.get(`${ids[0]}:vi`))?.text ?? "").toBe("");
    expect(await db.revisions.where("translationId").equals(`${ids[0]}:vi`).count()).toBe(0);
    expect(await db.history.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("sharing a document", () => {
  it("queues creates of the document and every record, the document first, in chunks", async () => {
    const { db, ids, localId, localIds } = await setup(false);
    await saveTranslation(db, {
      segmentId: localIds[0]!,
      lang: "vi",
      text: "Bốn.",
      user: "lan",
      confirm: true,
    });
    await addComment(db, { segmentId: localIds[0]!, lang: "vi", author: "lan", text: "Ok?" });
    await db.tmxExtras.put({
      key: localIds[0]!,
      docId: localId,
      value: { props: [], notes: [] } as never,
    });
    expect(await db.outbox.count()).toBe(0);
    await shareDocument(db, localId, "p1");
    const doc = (await db.documents.get(localId))!;
    expect(doc).toMatchObject({ projectId: "p1" });
    expect(doc.sharedAt).toBeTruthy();
    const [m] = await outbox(db);
    expect(m!.label).toBe("share");
    expect(m!.patches.map((p) => p.table)).toEqual([
      "documents",
      "segments",
      "translations",
      "comments",
      "revisions",
      "tmxExtras",
    ]);
    expect(m!.patches.every((p) => p.before === null)).toBe(true);
    expect(m!.patches[0]!.after).toMatchObject({ id: localId, projectId: "p1" });
    const revision = (await db.revisions.where("docId").equals(localId).first())!;
    expect(m!.patches[4]!.key).toBe(revision.uid);
    // The other document stays local.
    expect(
      (await db.documents.get((await db.segments.get(ids[0]!))!.docId))!.projectId,
    ).toBeUndefined();
    await expect(shareDocument(db, localId, "p1")).rejects.toMatchObject({
      code: "sync.already_shared",
    });
    await expect(
      shareDocument(db, (await db.segments.get(ids[0]!))!.docId, "nope"),
    ).rejects.toMatchObject({
      code: "sync.unknown_project",
    });
    expect(SHARE_CHUNK).toBe(2_000);
  });
});
