import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/database.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { replaceTexts, restoreRevision, setStatus } from "../../src/db/operations/review.ts";
import { historyState, redo, undo } from "../../src/db/operations/history.ts";
import { addComment, setThreadResolved } from "../../src/db/operations/comments.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { freshDb } from "../helpers/fresh-db.ts";

async function setup() {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text: "Satu. Dua. Tiga.", origin: { kind: "user" } },
  ]);
  const ids = (await segmentsOf(db, docId!)).map((s) => s.id);
  return { db, docId: docId!, ids };
}

const T0 = Date.parse("2026-03-01T10:00:00.000Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

describe("status transitions in the database", () => {
  it("translator confirms; reviewer approves, rejects with a comment, reopens; each stamped", async () => {
    const { db, ids } = await setup();
    const cell = { segmentId: ids[0]!, lang: "vi" as const };
    await saveTranslation(db, { ...cell, text: "Một.", user: "lan", at: at(0) });
    await saveTranslation(db, { ...cell, text: "Một.", user: "lan", confirm: true, at: at(1) });
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({
      status: "translated",
      changedBy: "lan",
    });

    expect(
      await setStatus(db, { changes: [cell], action: "approve", user: "lan", role: "translator" }),
    ).toEqual({ changed: 0, skipped: 1 });
    await setStatus(db, {
      changes: [cell],
      action: "approve",
      user: "rina",
      role: "reviewer",
      at: at(2),
    });
    expect(await db.translations.get(`${ids[0]}:vi`)).toMatchObject({
      status: "approved",
      changedBy: "rina",
      changedAt: at(2),
    });

    await expect(
      setStatus(db, { changes: [cell], action: "reject", user: "rina", role: "reviewer" }),
    ).rejects.toMatchObject({ code: "review.rejectNeedsComment" });
    await setStatus(db, {
      changes: [cell],
      action: "reject",
      user: "rina",
      role: "reviewer",
      comment: "Sai số.",
    });
    expect((await db.translations.get(`${ids[0]}:vi`))?.status).toBe("rejected");
    expect(await db.comments.toArray()).toEqual([
      expect.objectContaining({
        segmentId: ids[0],
        lang: "vi",
        author: "rina",
        text: "Sai số.",
        open: 1,
      }),
    ]);

    // Editing a rejected target sends it back to Draft; confirming makes it Translated again.
    await saveTranslation(db, { ...cell, text: "Một!", user: "lan" });
    expect((await db.translations.get(`${ids[0]}:vi`))?.status).toBe("draft");
    await saveTranslation(db, { ...cell, text: "Một!", user: "lan", confirm: true });
    await setStatus(db, { changes: [cell], action: "approve", user: "rina", role: "reviewer" });
    await setStatus(db, { changes: [cell], action: "reopen", user: "rina", role: "reviewer" });
    expect((await db.translations.get(`${ids[0]}:vi`))?.status).toBe("draft");
  });

  it("approve many at once is one undo step and skips what does not apply", async () => {
    const { db, docId, ids } = await setup();
    for (const id of ids.slice(0, 2))
      await saveTranslation(db, {
        segmentId: id,
        lang: "en",
        text: `T ${id}`,
        user: "u",
        confirm: true,
      });
    const result = await setStatus(db, {
      changes: ids.map((segmentId) => ({ segmentId, lang: "en" as const })),
      action: "approve",
      user: "r",
      role: "reviewer",
    });
    expect(result).toEqual({ changed: 2, skipped: 1 });
    // The step says what it did, where it starts and how many segments it touches.
    expect(await historyState(db, docId)).toEqual({
      undo: { label: "approve", place: { segmentId: ids[0], lang: "en" }, segments: 2 },
      redo: null,
    });
    await undo(db, docId, "r");
    expect(
      (await db.translations.where("docId").equals(docId).toArray()).map((t) => t.status),
    ).toEqual(["translated", "translated"]);
  });
});

describe("revision log", () => {
  it("is append-only per change: a typing burst is one revision, every later change adds one", async () => {
    const { db, ids } = await setup();
    const cell = { segmentId: ids[1]!, lang: "vi" as const };
    await saveTranslation(db, { ...cell, text: "Ha", user: "lan", at: at(0) });
    await saveTranslation(db, { ...cell, text: "Hai", user: "lan", at: at(1) });
    await saveTranslation(db, { ...cell, text: "Hai.", user: "lan", at: at(2) });
    await saveTranslation(db, { ...cell, text: "Hai.", user: "lan", confirm: true, at: at(3) });
    await setStatus(db, {
      changes: [cell],
      action: "approve",
      user: "rina",
      role: "reviewer",
      at: at(4),
    });
    // A pause longer than the burst window starts a new revision; so does another user.
    await saveTranslation(db, { ...cell, text: "Hai!", user: "lan", at: at(30) });
    await saveTranslation(db, { ...cell, text: "Hai!!", user: "minh", at: at(31) });
    const revs = await db.revisions.where("translationId").equals(`${ids[1]}:vi`).sortBy("id");
    expect(revs.map((r) => [r.text, r.status, r.user, r.action, r.at])).toEqual([
      ["Hai.", "draft", "lan", "edit", at(2)],
      ["Hai.", "translated", "lan", "confirm", at(3)],
      ["Hai.", "approved", "rina", "approve", at(4)],
      ["Hai!", "draft", "lan", "edit", at(30)],
      ["Hai!!", "draft", "minh", "edit", at(31)],
    ]);
  });

  it("restoring an old revision is itself a new revision, and undoable", async () => {
    const { db, docId, ids } = await setup();
    const cell = { segmentId: ids[2]!, lang: "en" as const };
    await saveTranslation(db, { ...cell, text: "Three.", user: "a", at: at(0) });
    await saveTranslation(db, { ...cell, text: "3.", user: "b", at: at(60) });
    const first = (
      await db.revisions.where("translationId").equals(`${ids[2]}:en`).sortBy("id")
    )[0]!;
    await restoreRevision(db, first.id!, "c");
    expect(await db.translations.get(`${ids[2]}:en`)).toMatchObject({
      text: "Three.",
      status: "draft",
      changedBy: "c",
    });
    const revs = await db.revisions.where("translationId").equals(`${ids[2]}:en`).sortBy("id");
    expect(revs.at(-1)).toMatchObject({ text: "Three.", action: "restore", user: "c" });
    await undo(db, docId, "c");
    expect((await db.translations.get(`${ids[2]}:en`))?.text).toBe("3.");
  });
});

describe("undo and redo", () => {
  it("typing bursts in one cell merge into one step; undo/redo walk the history and survive a reload", async () => {
    const { db, docId, ids } = await setup();
    const cell = { segmentId: ids[0]!, lang: "vi" as const };
    await saveTranslation(db, { ...cell, text: "M", user: "u", at: at(0) });
    await saveTranslation(db, { ...cell, text: "Mộ", user: "u", at: at(1) });
    await saveTranslation(db, { ...cell, text: "Một", user: "u", at: at(2) });
    await saveTranslation(db, { ...cell, text: "Một", user: "u", confirm: true, at: at(3) });
    await saveTranslation(db, { ...cell, text: "Một cái", user: "u", at: at(30) });
    expect(await db.history.count()).toBe(3);

    // "Reload": a new connection to the same database.
    db.close();
    const again = createDb(db.name);
    await again.open();
    expect(await undo(again, docId, "u")).toMatchObject({ label: "edit" });
    expect(await again.translations.get(`${ids[0]}:vi`)).toMatchObject({
      text: "Một",
      status: "translated",
    });
    await undo(again, docId, "u");
    expect(await again.translations.get(`${ids[0]}:vi`)).toMatchObject({
      text: "Một",
      status: "draft",
    });
    await undo(again, docId, "u");
    expect(await again.translations.get(`${ids[0]}:vi`)).toBeUndefined();
    expect(await undo(again, docId, "u")).toBeNull();

    await redo(again, docId, "u");
    await redo(again, docId, "u");
    expect(await again.translations.get(`${ids[0]}:vi`)).toMatchObject({
      text: "Một",
      status: "translated",
    });
    // A new change clears the redo branch.
    await saveTranslation(again, { ...cell, text: "Khác", user: "u", at: at(100) });
    expect(await redo(again, docId, "u")).toBeNull();
    expect(await historyState(again, docId)).toEqual({
      undo: { label: "edit", place: { segmentId: ids[0], lang: "vi" }, segments: 1 },
      redo: null,
    });
  });

  it("refuses to undo over a change made outside the history, leaving the data as it is", async () => {
    const { db, docId, ids } = await setup();
    await saveTranslation(db, { segmentId: ids[0]!, lang: "vi", text: "A", user: "u" });
    await db.translations.update(`${ids[0]}:vi`, { text: "changed elsewhere" });
    await expect(undo(db, docId, "u")).rejects.toMatchObject({ code: "history.conflict" });
    expect((await db.translations.get(`${ids[0]}:vi`))?.text).toBe("changed elsewhere");
  });
});

describe("find and replace", () => {
  it("applies every previewed change as one step, or none when the text changed meanwhile", async () => {
    const { db, docId, ids } = await setup();
    for (const id of ids)
      await saveTranslation(db, {
        segmentId: id,
        lang: "vi",
        text: `Hà Nội ${id}`,
        user: "u",
        confirm: true,
      });
    const preview = ids.map((id) => ({
      segmentId: id,
      lang: "vi" as const,
      expected: `Hà Nội ${id}`,
      text: `Thủ đô ${id}`,
    }));
    const stale = [...preview.slice(0, 2), { ...preview[2]!, expected: "something else" }];
    await expect(replaceTexts(db, docId, stale, "u")).rejects.toMatchObject({
      code: "replace.stale",
    });
    expect((await db.translations.get(`${ids[0]}:vi`))?.text).toBe(`Hà Nội ${ids[0]}`);

    expect(await replaceTexts(db, docId, preview, "u")).toBe(3);
    const all = await db.translations.where("docId").equals(docId).toArray();
    expect(all.every((t) => t.text.startsWith("Thủ đô") && t.status === "draft")).toBe(true);
    await undo(db, docId, "u");
    const back = await db.translations.where("docId").equals(docId).toArray();
    expect(back.every((t) => t.text.startsWith("Hà Nội") && t.status === "translated")).toBe(true);
  });
});

describe("comments", () => {
  it("threads per segment and language, resolvable, reopened by a new comment", async () => {
    const { db, ids } = await setup();
    await addComment(db, {
      segmentId: ids[0]!,
      lang: "vi",
      author: "rina",
      text: "Check the name.",
    });
    await addComment(db, { segmentId: ids[0]!, lang: "en", author: "rina", text: "Other thread." });
    await expect(
      addComment(db, { segmentId: ids[0]!, lang: "vi", author: "x", text: "  " }),
    ).rejects.toMatchObject({ code: "comment.empty" });
    await setThreadResolved(db, ids[0]!, "vi", true, "lan");
    const vi = await db.comments.where("[segmentId+lang]").equals([ids[0]!, "vi"]).toArray();
    expect(vi).toEqual([expect.objectContaining({ open: 0, resolvedBy: "lan" })]);
    expect(
      (await db.comments.where("[segmentId+lang]").equals([ids[0]!, "en"]).first())?.open,
    ).toBe(1);
    await addComment(db, { segmentId: ids[0]!, lang: "vi", author: "lan", text: "Fixed." });
    const reopened = await db.comments.where("[segmentId+lang]").equals([ids[0]!, "vi"]).toArray();
    expect(reopened.map((c) => c.open)).toEqual([1, 1]);
  });
});

describe("typing bursts", () => {
  it("words typed with pauses over a second are undone one by one; the revision log keeps one", async () => {
    const { db, docId, ids } = await setup();
    const cell = { segmentId: ids[0]!, lang: "vi" as const };
    // Keystrokes 0.3 s apart join one step; a 1.5 s pause before each next word starts another.
    const typed: Array<[string, number]> = [
      ["Tôi", 0],
      ["Tôi đi", 1.5],
      ["Tôi đi h", 3],
      ["Tôi đi học", 3.3],
    ];
    for (const [text, s] of typed)
      await saveTranslation(db, { ...cell, text, user: "u", at: at(s) });
    expect(await db.history.count()).toBe(3);
    const revs = await db.revisions.where("translationId").equals(`${ids[0]}:vi`).toArray();
    expect(revs.map((r) => r.text)).toEqual(["Tôi đi học"]);
    const texts: Array<string | undefined> = [];
    for (let k = 0; k < 3; k++) {
      const step = await undo(db, docId, "u");
      expect(step).toMatchObject({ label: "edit", place: cell, segments: 1 });
      texts.push((await db.translations.get(`${ids[0]}:vi`))?.text);
    }
    expect(texts).toEqual(["Tôi đi", "Tôi", undefined]);
  });

  it("a burst ends when anything else happens in the document, even within the merge window", async () => {
    const { db, docId, ids } = await setup();
    const x = { segmentId: ids[0]!, lang: "vi" as const };
    const y = { segmentId: ids[1]!, lang: "vi" as const };
    await saveTranslation(db, { ...x, text: "A", user: "u", at: at(0) });
    await saveTranslation(db, { ...x, text: "A", user: "u", confirm: true, at: at(1) });
    await saveTranslation(db, { ...y, text: "C", user: "u", at: at(2) });
    await saveTranslation(db, { ...x, text: "B", user: "u", at: at(3) });
    const revs = await db.revisions.where("translationId").equals(`${ids[0]}:vi`).sortBy("id");
    expect(revs.map((r) => [r.text, r.action])).toEqual([
      ["A", "edit"],
      ["A", "confirm"],
      ["B", "edit"],
    ]);
    // Three undo steps for x: the edit, the confirm, the later edit (y's edit came between).
    expect(await historyState(db, docId)).toEqual({
      undo: { label: "edit", place: { segmentId: ids[0], lang: "vi" }, segments: 1 },
      redo: null,
    });
    await undo(db, docId, "u");
    expect((await db.translations.get(`${ids[0]}:vi`))?.text).toBe("A");
  });
});
