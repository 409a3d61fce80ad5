import { describe, expect, it } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { replaceTexts, setStatus } from "../../src/db/operations/review.ts";
import { addComment, setThreadResolved } from "../../src/db/operations/comments.ts";
import { redo, undo } from "../../src/db/operations/history.ts";
import {
  mergeWithNext,
  resegmentDocument,
  splitSegment,
} from "../../src/db/operations/segment-edits.ts";
import {
  applyAlignment,
  applyRealign,
  editCell,
  prepareRealign,
} from "../../src/db/operations/cell-edits.ts";
import { applyImportIntoDocument } from "../../src/db/operations/import-into-document.ts";
import { applyBundleImport, loadBundle } from "../../src/db/operations/bundle.ts";
import { deleteDocument } from "../../src/db/operations/delete-document.ts";
import { clearMemory, importIntoMemory } from "../../src/db/operations/project-memory.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { shareDocument } from "../../src/db/sync/share.ts";
import { applyRecordChanges } from "../../src/db/sync/apply-changes.ts";
import { pullTables } from "../../src/db/sync/apply-changes.ts";
import { sameStored } from "../../src/db/sync/outbox.ts";
import { realignBetween } from "../../src/core/align/align-sentences.ts";
import { segmentText } from "../../src/core/segment/segment.ts";
import type { SelarasDb } from "../../src/db/database.ts";
import type { Mutation, SyncRecord } from "../../src/core/sync/protocol.ts";
import { freshDb } from "../helpers/fresh-db.ts";

/**
 * Every write path of a shared document: whatever the command changes in the document's records
 * must reach the outbox, in the same transaction, as the record's new state (audited generically:
 * the records before and after the command, against the mutations it queued).
 */

async function setup() {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text: "Satu dua. Tiga. Empat.", origin: { kind: "user" } },
  ]);
  const ids = (await segmentsOf(db, docId!)).map((s) => s.id);
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
  await db.outbox.clear();
  return { db, docId: docId!, ids };
}

/** The document's synced records by protocol table and key (revisions by uid, without local id). */
async function records(db: SelarasDb, docId: string): Promise<Map<string, SyncRecord>> {
  const out = new Map<string, SyncRecord>();
  const doc = await db.documents.get(docId);
  if (doc) out.set(`documents/${docId}`, doc as unknown as SyncRecord);
  for (const s of await db.segments.where("docId").equals(docId).toArray())
    out.set(`segments/${s.id}`, s as unknown as SyncRecord);
  for (const t of await db.translations.where("docId").equals(docId).toArray())
    out.set(`translations/${t.id}`, t as unknown as SyncRecord);
  for (const c of await db.comments.toArray())
    if (c.docId === docId) out.set(`comments/${c.id}`, c as unknown as SyncRecord);
  for (const r of await db.revisions.where("docId").equals(docId).toArray()) {
    const { id, ...rest } = r;
    out.set(`revisions/${r.uid ?? `local-${id}`}`, rest as unknown as SyncRecord);
  }
  for (const x of await db.tmxExtras.where("docId").equals(docId).toArray())
    out.set(`tmxExtras/${x.key}`, x as unknown as SyncRecord);
  return out;
}

async function mutations(db: SelarasDb): Promise<Mutation[]> {
  return (await db.outbox.orderBy("seq").toArray()).map((r) => r.mutation);
}

/**
 * Runs `command` and checks that every record it changed is in the outbox with its new state
 * (a document's `updatedAt` and `segmentCount` aside: each side stamps and recounts its own,
 * apply-changes.ts). Returns the mutations it queued.
 */
async function expectSynced(db: SelarasDb, docId: string, command: () => Promise<unknown>) {
  const seen = (await db.outbox.count()) > 0 ? (await mutations(db)).length : 0;
  const before = await records(db, docId);
  await command();
  const after = await records(db, docId);
  const queued = (await mutations(db)).slice(seen);
  const sent = new Map<string, SyncRecord | null>();
  for (const m of queued) for (const p of m.patches) sent.set(`${p.table}/${p.key}`, p.after);
  const strip = (r: SyncRecord | null | undefined) =>
    r ? { ...r, updatedAt: undefined, segmentCount: undefined } : (r ?? null);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (k) => !sameStored(strip(before.get(k)), strip(after.get(k))),
  );
  expect(changed.length, "the command changed something").toBeGreaterThan(0);
  for (const key of changed) {
    expect(sent.has(key), `${key} reached the outbox`).toBe(true);
    const stored = after.get(key) ?? null;
    const wanted = sent.get(key) ?? null;
    if (key.startsWith("documents/")) continue;
    expect(sameStored(wanted, stored), `${key} as stored`).toBe(true);
  }
  return queued;
}

describe("every write path of a shared document reaches the outbox", () => {
  it("typing, confirm, approve, reject with its reason, comments, resolve, undo, redo", async () => {
    const { db, docId, ids } = await setup();
    const cell = { segmentId: ids[0]!, lang: "vi" as const };
    await expectSynced(db, docId, () =>
      saveTranslation(db, { ...cell, text: "Một hai.", user: "lan" }),
    );
    await expectSynced(db, docId, () =>
      saveTranslation(db, { ...cell, text: "Một hai.", user: "lan", confirm: true }),
    );
    await expectSynced(db, docId, () =>
      setStatus(db, { changes: [cell], action: "approve", user: "rina", role: "reviewer" }),
    );
    await expectSynced(db, docId, () =>
      setStatus(db, {
        changes: [cell],
        action: "reject",
        user: "rina",
        role: "reviewer",
        comment: "Sai.",
      }),
    );
    await expectSynced(db, docId, () => addComment(db, { ...cell, author: "lan", text: "Ok." }));
    await expectSynced(db, docId, () => setThreadResolved(db, ids[0]!, "vi", true, "lan"));
    await expectSynced(db, docId, () => undo(db, docId, "rina"));
    await expectSynced(db, docId, () => redo(db, docId, "rina"));
  });

  it("split, merge and re-segment", async () => {
    const { db, docId, ids } = await setup();
    await saveTranslation(db, { segmentId: ids[0]!, lang: "vi", text: "Một hai.", user: "lan" });
    await expectSynced(db, docId, () => splitSegment(db, docId, ids[0]!, 5, "lan"));
    const now = (await segmentsOf(db, docId)).map((s) => s.id);
    await expectSynced(db, docId, () => mergeWithNext(db, docId, now[0]!, "lan"));
    await db.segments.update(now[0]!, { source: "Satu. Dua." });
    await db.outbox.clear();
    await expectSynced(db, docId, () => resegmentDocument(db, docId, "lan"));
  });

  it("alignment edits, alignment and re-align", async () => {
    const { db, docId, ids } = await setup();
    await expectSynced(db, docId, () =>
      applyAlignment(db, {
        docId,
        lang: "en",
        plan: {
          sourceCount: 3,
          targetCount: 2,
          links: [
            { source: [0, 1], target: [0], confidence: 0.8 },
            { source: [2], target: [1], confidence: 0.9 },
          ],
        },
        targetSentences: ["One two. Three.", "Four."],
        user: "lan",
      }),
    );
    await expectSynced(db, docId, () =>
      editCell(db, {
        docId,
        lang: "en",
        segmentId: ids[0]!,
        edit: { kind: "insertEmpty" },
        user: "lan",
      }),
    );
    await expectSynced(db, docId, () =>
      editCell(db, {
        docId,
        lang: "en",
        segmentId: ids[0]!,
        edit: { kind: "lock", locked: true },
        user: "lan",
      }),
    );
    const split = (text: string) => segmentText(text, "en").flatMap((p) => p.sentences);
    const prepared = await prepareRealign(db, docId, "en", split);
    const source = (await segmentsOf(db, docId)).map((s) => s.source);
    const plan = realignBetween(
      source,
      prepared.request.targetSentences,
      prepared.request.fixedLinks,
      {
        sourceLang: "id",
        targetLang: "en",
      },
    );
    await expectSynced(db, docId, () => applyRealign(db, docId, "en", prepared, plan, "lan"));
  });

  it("find & replace, import into the document, and a file of the document merged (applyBundleImport)", async () => {
    const { db, docId, ids } = await setup();
    await saveTranslation(db, { segmentId: ids[1]!, lang: "vi", text: "Ba ba.", user: "lan" });
    await expectSynced(db, docId, () =>
      replaceTexts(
        db,
        docId,
        [{ segmentId: ids[1]!, lang: "vi", expected: "Ba ba.", text: "Ba." }],
        "lan",
      ),
    );
    const file = await loadBundle(db, [docId]);
    const segs = file.documents[0]!.segments;
    segs[2]!.targets.vi = { ...segs[1]!.targets.vi!, text: "Bốn." };
    await expectSynced(db, docId, () => applyImportIntoDocument(db, docId, file, false, "lan"));

    const next = await loadBundle(db, [docId]);
    next.documents[0]!.segments[0]!.targets.en = {
      ...next.documents[0]!.segments[1]!.targets.vi!,
      text: "One two.",
      changedAt: new Date(Date.now() + 60_000).toISOString(),
    };
    await expectSynced(db, docId, () => applyBundleImport(db, next, "merge", "lan"));
    expect((await db.translations.get(`${ids[0]}:en`))?.text).toBe("One two.");
  });

  it("a copy of a shared document's file is a new local document: nothing queued", async () => {
    const { db, docId } = await setup();
    const file = await loadBundle(db, [docId]);
    const { created } = await applyBundleImport(db, file, "copy", "lan");
    expect(created).toHaveLength(1);
    expect(created[0]).not.toBe(docId);
    expect((await db.documents.get(created[0]!))?.projectId).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("deleting a shared document removes this browser's copy only", () => {
  it("nothing goes to the team; later pulls do not bring pieces of it back", async () => {
    const { db, docId, ids } = await setup();
    const cell = (await db.translations.get(`${ids[0]}:vi`)) ?? {
      id: `${ids[0]}:vi`,
      docId,
      segmentId: ids[0]!,
      lang: "vi",
      text: "Một.",
      status: "draft",
    };
    await deleteDocument(db, docId);
    expect(await db.documents.get(docId)).toBeUndefined();
    expect(await db.segments.where("docId").equals(docId).count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    // Someone else edits a cell of it: the pull skips it, no orphan cell appears.
    await db.transaction("rw", pullTables(db), () =>
      applyRecordChanges(
        db,
        [
          {
            table: "translations",
            key: `${ids[0]}:vi`,
            docId,
            value: { ...cell, text: "Một!" },
            version: 9,
          },
          {
            table: "segments",
            key: ids[1]!,
            docId,
            value: { id: ids[1], docId, order: "a1", paragraph: 0, source: "x" },
            version: 9,
          },
        ],
        new Set(),
      ),
    );
    expect(await db.translations.where("docId").equals(docId).count()).toBe(0);
    expect(await db.segments.where("docId").equals(docId).count()).toBe(0);
    expect(await db.documents.get(docId)).toBeUndefined();
  });

  it("is refused while its changes wait to be sent, and changes nothing", async () => {
    const { db, docId, ids } = await setup();
    await saveTranslation(db, { segmentId: ids[0]!, lang: "vi", text: "Một.", user: "lan" });
    await expect(deleteDocument(db, docId)).rejects.toMatchObject({
      code: "sync.delete_pending",
      params: { count: 1 },
    });
    expect(await db.documents.get(docId)).toBeDefined();
    expect((await db.translations.get(`${ids[0]}:vi`))?.text).toBe("Một.");
    expect(await db.outbox.count()).toBe(1);
  });

  it("a local document is deleted as before", async () => {
    const db = await freshDb();
    const [docId] = await importDocuments(db, [
      { title: "L", sourceLang: "id", text: "Satu.", origin: { kind: "user" } },
    ]);
    await deleteDocument(db, docId!);
    expect(await db.documents.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });
});

describe("emptying the memory while in a team project", () => {
  const unit = (source: string) => ({
    documents: [
      {
        id: "tm",
        title: "TM",
        sourceLang: "id" as const,
        segments: [
          {
            id: source,
            paragraph: 0,
            source,
            targets: { vi: { text: `${source} (vi)`, status: "translated" as const } },
          },
        ],
      },
    ],
  });

  it("keeps the team's units (append-only on the server) and removes this browser's own", async () => {
    const db = await freshDb();
    await importIntoMemory(db, unit("Satu."), "lan");
    await db.syncState.add({
      projectId: "p1",
      name: "Tim",
      role: "owner",
      langs: null,
      cursor: 0,
      lastMutationId: 0,
      nextMutationId: 1,
    });
    await importIntoMemory(db, unit("Dua."), "lan");
    const queued = await db.outbox.count();
    expect(await clearMemory(db)).toEqual({ removed: 1, kept: 1 });
    expect((await db.memory.toArray()).map((u) => u.source)).toEqual(["Dua."]);
    expect(await db.outbox.count()).toBe(queued);
  });
});
