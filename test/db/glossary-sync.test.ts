/**
 * Glossary commands as undo steps of the open document and as team mutations (issue 15): add, edit,
 * delete and an import are undone and redone to the exact records, each change (undo and redo too)
 * goes to every joined project without a document, and pulled concepts land in the glossary.
 */
import { describe, expect, it } from "vitest";
import {
  addConcept,
  deleteConcept,
  importGlossary,
  resolveConceptConflict,
  updateConcept,
} from "../../src/db/operations/glossary.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { historyState, redo, undo } from "../../src/db/operations/history.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { applyRecordChanges, pullTables } from "../../src/db/sync/apply-changes.ts";
import type { SelarasDb } from "../../src/db/database.ts";
import type { SyncStateRecord } from "../../src/db/records.ts";
import type { GlossaryConcept } from "../../src/core/glossary/model.ts";
import type { RecordChange } from "../../src/core/sync/protocol.ts";
import { freshDb } from "../helpers/fresh-db.ts";

function project(id: string): SyncStateRecord {
  return {
    projectId: id,
    name: "Tim",
    role: "translator",
    langs: null,
    cursor: 0,
    lastMutationId: 0,
    nextMutationId: 1,
  };
}

async function setup(projects: string[] = []) {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text: "Rumah sakit itu besar.", origin: { kind: "user" } },
  ]);
  for (const p of projects) await db.syncState.add(project(p));
  return { db, docId: docId!, step: { docId: docId!, user: "lan" } };
}

async function glossary(db: SelarasDb): Promise<GlossaryConcept[]> {
  return db.glossary.orderBy("id").toArray();
}

async function outbox(db: SelarasDb) {
  return (await db.outbox.orderBy("seq").toArray()).map((r) => ({
    projectId: r.projectId,
    ...r.mutation,
  }));
}

const bytes = (text: string) => new TextEncoder().encode(text);
const CSV = "concept,id,vi,en\nk1,rumah,nhà,house\nk2,jalan,đường,road\n";

describe("glossary commands are undo steps of the open document", () => {
  it("add, edit and delete are undone and redone to the exact records", async () => {
    const { db, docId, step } = await setup();
    const id = await addConcept(
      db,
      {
        terms: [
          { lang: "id", text: "rumah sakit", status: "preferred" },
          { lang: "vi", text: "bệnh viện" },
        ],
        note: "medical",
      },
      step,
    );
    const added = await glossary(db);
    expect(added).toHaveLength(1);
    expect((await historyState(db, docId)).undo).toMatchObject({
      label: "glossary-add",
      place: null,
    });

    await updateConcept(db, id, { terms: [{ lang: "en", text: "hospital" }] }, step);
    const edited = await glossary(db);
    expect(edited[0]!.terms.map((t) => t.text)).toEqual(["rumah sakit", "bệnh viện", "hospital"]);

    // A concept with more than the panel edits (variants, part of speech) comes back exactly.
    await db.glossary.put({
      ...edited[0]!,
      subject: "health",
      terms: [
        { ...edited[0]!.terms[0]!, variants: ["rumah-sakit"], partOfSpeech: "noun" },
        ...edited[0]!.terms.slice(1),
      ],
    });
    const rich = await glossary(db);
    await deleteConcept(db, id, step);
    expect(await glossary(db)).toEqual([]);

    expect(await undo(db, docId, "lan")).toMatchObject({ label: "glossary-delete", place: null });
    expect(await glossary(db)).toEqual(rich);
    await db.glossary.put(edited[0]!);
    expect(await undo(db, docId, "lan")).toMatchObject({ label: "glossary-edit" });
    expect(await glossary(db)).toEqual(added);
    expect(await undo(db, docId, "lan")).toMatchObject({ label: "glossary-add" });
    expect(await glossary(db)).toEqual([]);

    await redo(db, docId, "lan");
    expect(await glossary(db)).toEqual(added);
    await redo(db, docId, "lan");
    expect(await glossary(db)).toEqual(edited);
  });

  it("an import is one undo step; the document itself is not changed by glossary commands", async () => {
    const { db, docId, step } = await setup();
    const doc = await db.documents.get(docId);
    expect(await importGlossary(db, bytes(CSV), "g.csv", step)).toEqual({
      added: 2,
      duplicates: 0,
    });
    expect(await db.glossary.count()).toBe(2);
    expect(await db.documents.get(docId)).toEqual(doc);
    await undo(db, docId, "lan");
    expect(await db.glossary.count()).toBe(0);
    await redo(db, docId, "lan");
    expect((await glossary(db)).map((c) => c.id)).toEqual(["k1", "k2"]);
  });

  it("undo follows the document's one timeline: a cell edit after a glossary edit goes first", async () => {
    const { db, docId, step } = await setup();
    const [segment] = await segmentsOf(db, docId);
    await addConcept(
      db,
      {
        terms: [
          { lang: "id", text: "besar" },
          { lang: "vi", text: "lớn" },
        ],
      },
      step,
    );
    await saveTranslation(db, {
      segmentId: segment!.id,
      lang: "vi",
      text: "Bệnh viện",
      user: "lan",
    });
    expect((await undo(db, docId, "lan"))?.label).toBe("edit");
    expect(await db.glossary.count()).toBe(1);
    expect((await undo(db, docId, "lan"))?.label).toBe("glossary-add");
    expect(await db.glossary.count()).toBe(0);
  });

  it("an undo of a concept someone changed since (a pull) is refused, nothing overwritten", async () => {
    const { db, docId, step } = await setup();
    const id = await addConcept(
      db,
      {
        terms: [
          { lang: "id", text: "jalan" },
          { lang: "vi", text: "đường" },
        ],
      },
      step,
    );
    const theirs = { ...(await db.glossary.get(id))!, note: "theirs" };
    await db.transaction("rw", pullTables(db), () =>
      applyRecordChanges(
        db,
        [{ table: "glossary", key: id, docId: null, value: theirs, version: 3 }],
        new Set(),
      ),
    );
    await expect(undo(db, docId, "lan")).rejects.toMatchObject({ code: "history.conflict" });
    expect(await db.glossary.get(id)).toEqual(theirs);
  });
});

describe("glossary commands go to the team", () => {
  it("every change, its undo and redo is a mutation without a document in every joined project", async () => {
    const { db, docId, step } = await setup(["p1", "p2"]);
    const id = await addConcept(
      db,
      {
        terms: [
          { lang: "id", text: "jalan" },
          { lang: "vi", text: "đường" },
        ],
      },
      step,
    );
    const concept = (await db.glossary.get(id))!;
    await undo(db, docId, "lan");
    await redo(db, docId, "lan");
    const sent = await outbox(db);
    expect(sent.map((m) => [m.projectId, m.id, m.docId, m.label])).toEqual([
      ["p1", 1, null, "glossary-add"],
      ["p2", 1, null, "glossary-add"],
      ["p1", 2, null, "glossary-add"],
      ["p2", 2, null, "glossary-add"],
      ["p1", 3, null, "glossary-add"],
      ["p2", 3, null, "glossary-add"],
    ]);
    expect(sent[0]!.patches).toEqual([
      { table: "glossary", key: id, before: null, after: concept },
    ]);
    expect(sent[2]!.patches).toEqual([
      { table: "glossary", key: id, before: concept, after: null },
    ]);
    expect(sent[4]!.patches).toEqual([
      { table: "glossary", key: id, before: null, after: concept },
    ]);
  });

  it("without an open document (no step) a change still goes to the team, and is not undoable", async () => {
    const { db, docId } = await setup(["p1"]);
    await importGlossary(db, bytes(CSV), "g.csv");
    const [m] = await outbox(db);
    expect(m).toMatchObject({ docId: null, label: "glossary-import" });
    expect(m!.patches.map((p) => p.key)).toEqual(["k1", "k2"]);
    expect((await historyState(db, docId)).undo).toBeNull();
    await deleteConcept(db, "k1");
    expect((await outbox(db)).at(-1)!.patches).toEqual([
      { table: "glossary", key: "k1", before: expect.objectContaining({ id: "k1" }), after: null },
    ]);
  });

  it("no joined project: nothing is queued", async () => {
    const { db, step } = await setup();
    await addConcept(
      db,
      {
        terms: [
          { lang: "id", text: "a" },
          { lang: "vi", text: "b" },
        ],
      },
      step,
    );
    expect(await db.outbox.count()).toBe(0);
  });

  it("pulled concepts are stored, updated and deleted; pending ones are skipped", async () => {
    const { db, step } = await setup(["p1"]);
    const mine = await addConcept(
      db,
      {
        terms: [
          { lang: "id", text: "jalan" },
          { lang: "vi", text: "đường" },
        ],
      },
      step,
    );
    const pulled: GlossaryConcept = {
      id: "g-team",
      terms: [
        { lang: "id", text: "rumah", status: "preferred" },
        { lang: "en", text: "house" },
      ],
    };
    const apply = (changes: RecordChange[], pending = new Set<string>()) =>
      db.transaction("rw", pullTables(db), () => applyRecordChanges(db, changes, pending));
    const change = (key: string, value: GlossaryConcept | null): RecordChange => ({
      table: "glossary",
      key,
      docId: null,
      value: value as RecordChange["value"],
      version: 2,
    });
    expect(await apply([change("g-team", pulled)])).toBe(1);
    expect(await db.glossary.get("g-team")).toEqual(pulled);
    const conflicted = {
      ...pulled,
      competing: [
        {
          concept: { ...pulled, note: "x" },
          by: "Tran",
          at: "2026-01-01T00:00:00Z",
          source: "sync",
        },
      ],
    };
    await apply([change("g-team", conflicted as GlossaryConcept)]);
    expect(await db.glossary.get("g-team")).toEqual(conflicted);
    await apply([change("g-team", null)]);
    expect(await db.glossary.get("g-team")).toBeUndefined();
    // A concept with a change waiting in the outbox keeps the local state.
    const { pendingKeys } = await import("../../src/db/sync/apply-changes.ts");
    const pending = await pendingKeys(db, "p1");
    await apply([change(mine, null)], pending);
    expect(await db.glossary.get(mine)).toBeDefined();
  });

  it("a conflict is settled by keeping the current concept or the other version (one step)", async () => {
    const { db, docId, step } = await setup(["p1"]);
    const current: GlossaryConcept = {
      id: "g1",
      terms: [
        { lang: "id", text: "rumah sakit" },
        { lang: "vi", text: "nhà thương" },
      ],
    };
    const other = { id: "g1", terms: [current.terms[0]!, { lang: "vi", text: "bệnh viện" }] };
    const conflicted: GlossaryConcept = {
      ...current,
      competing: [{ concept: other, by: "Rina", at: "2026-01-01T00:00:00Z", source: "sync" }],
    };
    await db.glossary.put(conflicted);
    await resolveConceptConflict(db, "g1", 0, step);
    expect(await db.glossary.get("g1")).toEqual(other);
    const [m] = await outbox(db);
    expect(m!.patches).toEqual([
      { table: "glossary", key: "g1", before: conflicted, after: other },
    ]);
    await undo(db, docId, "lan");
    expect(await db.glossary.get("g1")).toEqual(conflicted);
    await resolveConceptConflict(db, "g1", "current", step);
    expect(await db.glossary.get("g1")).toEqual(current);
  });
});
