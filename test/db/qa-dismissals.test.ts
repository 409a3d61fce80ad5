import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/database.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import {
  dismissalsOf,
  dismissFinding,
  restoreFinding,
} from "../../src/db/operations/qa-dismissals.ts";
import {
  getQaSettings,
  restoreProjectQaSettings,
  saveQaSettings,
} from "../../src/db/operations/qa-settings.ts";
import { historyState, redo, undo } from "../../src/db/operations/history.ts";
import { applyBundleImport, loadBundle } from "../../src/db/operations/bundle.ts";
import { deleteDocument } from "../../src/db/operations/delete-document.ts";
import { shareDocument } from "../../src/db/sync/share.ts";
import { runQa } from "../../src/core/qa/run-qa.ts";
import { applyDismissals } from "../../src/core/qa/dismissals.ts";
import { writeJson } from "../../src/core/format/json/write-json.ts";
import { readJson } from "../../src/core/format/json/read-json.ts";
import type { SelarasDb } from "../../src/db/database.ts";
import { freshDb } from "../helpers/fresh-db.ts";

/** The next undo step's label (a string, or a summary with its label). */
const undoLabel = (state: { undo: unknown }) =>
  typeof state.undo === "string" ? state.undo : (state.undo as { label: string } | null)?.label;

const SOURCE = "Lebih dari 2.500 delegasi hadir. Rapat dimulai pukul 10.30 WIB.";

async function setup(db?: SelarasDb) {
  db ??= await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Rapat", sourceLang: "id", text: SOURCE, origin: { kind: "user" } },
  ]);
  const segs = await segmentsOf(db, docId!);
  await saveTranslation(db, {
    segmentId: segs[0]!.id,
    lang: "en",
    text: "More than 2,600 delegates came.",
    user: "tom",
  });
  return { db, docId: docId!, segs };
}

/** The document's findings as the app finds them (the rows of our JSON). */
async function findings(db: SelarasDb, docId: string) {
  const bundle = await loadBundle(db, [docId], undefined, { rows: true });
  return runQa(bundle.documents);
}

async function dismissNumber(db: SelarasDb, docId: string, user = "rina") {
  const number = (await findings(db, docId)).find((f) => f.finding.check === "numbers")!;
  expect(number.finding.code).toBe("number.mismatch");
  await dismissFinding(db, {
    docId,
    segmentId: number.segmentId,
    lang: number.lang,
    fingerprint: number.fingerprint,
    code: number.finding.code,
    reason: "  The client's figure, checked with the editor.  ",
    user,
  });
  return number;
}

describe("QA dismissals", () => {
  it("are stamped with who, when and the reason, and hide their finding", async () => {
    const { db, docId } = await setup();
    const before = Date.now();
    const number = await dismissNumber(db, docId);
    const [d] = await dismissalsOf(db, docId);
    expect(d).toMatchObject({
      docId,
      segmentId: number.segmentId,
      lang: "en",
      code: "number.mismatch",
      fingerprint: number.fingerprint,
      reason: "The client's figure, checked with the editor.",
      by: "rina",
    });
    expect(Date.parse(d!.at)).toBeGreaterThanOrEqual(before - 1);
    const all = await findings(db, docId);
    const { shown, dismissed } = applyDismissals(all, await dismissalsOf(db, docId));
    expect(dismissed.map((x) => x.item.finding.code)).toEqual(["number.mismatch"]);
    expect(shown.some((f) => f.finding.check === "numbers")).toBe(false);
  });

  it("refuse an empty reason and change nothing", async () => {
    const { db, docId } = await setup();
    const f = (await findings(db, docId))[0]!;
    await expect(
      dismissFinding(db, { ...f, docId, code: f.finding.code, reason: "  ", user: "rina" }),
    ).rejects.toMatchObject({ code: "qa.reason_required" });
    expect(await dismissalsOf(db, docId)).toEqual([]);
  });

  it("are one undo step each: undo brings the finding back, redo dismisses again", async () => {
    const { db, docId } = await setup();
    await dismissNumber(db, docId);
    expect(undoLabel(await historyState(db, docId))).toBe("qa-dismiss");
    await undo(db, docId, "rina");
    expect(await dismissalsOf(db, docId)).toEqual([]);
    await redo(db, docId, "rina");
    expect(await dismissalsOf(db, docId)).toHaveLength(1);
    // Taking a dismissal back is undoable too.
    const [d] = await dismissalsOf(db, docId);
    await restoreFinding(db, { docId, id: d!.id, user: "rina" });
    expect(await dismissalsOf(db, docId)).toEqual([]);
    expect(undoLabel(await historyState(db, docId))).toBe("qa-restore");
    await undo(db, docId, "rina");
    expect(await dismissalsOf(db, docId)).toEqual([d]);
  });

  it("are kept across a reload and a re-run, until the text changes", async () => {
    const name = `qa-dismissals-reload-${Date.now()}`;
    const first = createDb(name);
    await first.open();
    const { docId, segs } = await setup(first);
    const number = await dismissNumber(first, docId);
    first.close();
    const db = createDb(name);
    await db.open();
    const stored = await dismissalsOf(db, docId);
    expect(stored).toHaveLength(1);
    // A re-run finds the same finding with the same fingerprint: still dismissed.
    const again = await findings(db, docId);
    expect(applyDismissals(again, stored).dismissed.map((x) => x.item.fingerprint)).toEqual([
      number.fingerprint,
    ]);
    // Another wrong figure: a new finding, shown; the old dismissal no longer matches.
    await saveTranslation(db, {
      segmentId: segs[0]!.id,
      lang: "en",
      text: "More than 2,700 delegates came.",
      user: "tom",
    });
    const changed = await findings(db, docId);
    const split = applyDismissals(changed, stored);
    expect(split.dismissed).toEqual([]);
    expect(split.shown.some((f) => f.finding.code === "number.mismatch")).toBe(true);
    db.close();
  });

  it("travel in our JSON and are read back with their rows", async () => {
    const { db, docId } = await setup();
    const number = await dismissNumber(db, docId);
    const bundle = await loadBundle(db, [docId], undefined, { rows: true });
    const json = writeJson(bundle, { exportedAt: new Date(), toolVersion: "test" });
    expect(JSON.parse(json).documents[0].qaDismissals).toEqual([
      expect.objectContaining({ code: "number.mismatch", reason: expect.any(String), by: "rina" }),
    ]);
    const read = readJson(json);
    expect(read.documents[0]!.qaDismissals).toEqual(bundle.documents[0]!.qaDismissals);
    // Into another browser: the same finding is dismissed there.
    const other = await freshDb();
    await applyBundleImport(other, read, "copy", "minh");
    const there = await dismissalsOf(other, docId);
    expect(there.map((d) => [d.segmentId, d.fingerprint, d.by])).toEqual([
      [number.segmentId, number.fingerprint, "rina"],
    ]);
    expect(applyDismissals(await findings(other, docId), there).dismissed).toHaveLength(1);
    // Into the same browser as a copy (fresh segment ids): they follow the rows.
    const result = await applyBundleImport(db, read, "copy", "minh");
    const copyId = result.created[0]!;
    const copied = await dismissalsOf(db, copyId);
    expect(copied).toHaveLength(1);
    expect(copied[0]!.segmentId).not.toBe(number.segmentId);
    expect(applyDismissals(await findings(db, copyId), copied).dismissed).toHaveLength(1);
  });

  it("come back with a merge of our JSON into the same document (one undo step)", async () => {
    const { db, docId } = await setup();
    await dismissNumber(db, docId);
    const bundle = await loadBundle(db, [docId], undefined, { rows: true });
    const json = writeJson(bundle, { exportedAt: new Date(), toolVersion: "test" });
    await undo(db, docId, "rina");
    expect(await dismissalsOf(db, docId)).toEqual([]);
    await applyBundleImport(db, readJson(json), "merge", "minh");
    const back = await dismissalsOf(db, docId);
    expect(back.map((d) => [d.code, d.by])).toEqual([["number.mismatch", "rina"]]);
    // Merging the same file again adds nothing; one undo takes the merge back.
    await applyBundleImport(db, readJson(json), "merge", "minh");
    expect(await dismissalsOf(db, docId)).toHaveLength(1);
    await undo(db, docId, "minh");
    expect(await dismissalsOf(db, docId)).toEqual([]);
  });

  it("stay in this browser: dismissing in a shared document queues nothing to sync", async () => {
    const { db, docId } = await setup();
    await db.syncState.add({
      projectId: "p1",
      name: "Tim",
      role: "owner",
      langs: null,
      cursor: 0,
      lastMutationId: 0,
      nextMutationId: 1,
    });
    await shareDocument(db, docId, "p1");
    await db.outbox.clear();
    await dismissNumber(db, docId);
    expect(await db.outbox.count()).toBe(0);
    await undo(db, docId, "rina");
    expect(await db.outbox.count()).toBe(0);
    expect(await dismissalsOf(db, docId)).toEqual([]);
  });

  it("go with their document", async () => {
    const { db, docId } = await setup();
    await dismissNumber(db, docId);
    await deleteDocument(db, docId);
    expect(await db.qaDismissals.count()).toBe(0);
  });
});

describe("QA settings", () => {
  it("are stored, read back, and read leniently", async () => {
    const db = await freshDb();
    expect(await getQaSettings(db)).toEqual({ disabled: [], severity: {}, askOnConfirm: true });
    await saveQaSettings(db, {
      disabled: ["spaces"],
      severity: { "length-ratio": "info", "number.extra": "warning" },
      askOnConfirm: false,
    });
    expect(await getQaSettings(db)).toEqual({
      disabled: ["spaces"],
      severity: { "length-ratio": "info", "number.extra": "warning" },
      askOnConfirm: false,
    });
    expect(
      restoreProjectQaSettings({ disabled: ["nope", "numbers"], severity: { x: "loud" } }),
    ).toEqual({ disabled: ["numbers"], severity: {}, askOnConfirm: true });
    expect(restoreProjectQaSettings("garbage")).toEqual({
      disabled: [],
      severity: {},
      askOnConfirm: true,
    });
  });
});
