import { describe, expect, it } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { setStatus } from "../../src/db/operations/review.ts";
import { historyState, redo, undo } from "../../src/db/operations/history.ts";
import {
  getRepetitionSettings,
  onRepetitionsApplied,
  saveRepetitionSettings,
  setAlternative,
  type RepetitionsApplied,
} from "../../src/db/operations/repetitions.ts";
import { readDocumentRows, segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { shareDocument } from "../../src/db/sync/share.ts";
import { translationId } from "../../src/core/model/records.ts";
import type { SelarasDb } from "../../src/db/database.ts";
import { freshDb } from "../helpers/fresh-db.ts";

// Rows 0, 2, 4, 5 and 6 repeat one sentence (row 4 with other white space); row 1 and 3 differ.
const TEXT = [
  "Harga naik.",
  "Warga mengeluh.",
  "Harga naik.",
  "Pemerintah diam.",
  "Harga  naik.",
  "Harga naik.",
  "Harga naik.",
].join(" ");

async function setup() {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Ulang", sourceLang: "id", text: TEXT, origin: { kind: "user" } },
  ]);
  const ids = (await segmentsOf(db, docId!)).map((s) => s.id);
  return { db, docId: docId!, ids };
}

/** Text and status of the cell shown in each row, in one language. */
async function column(db: SelarasDb, docId: string, ids: readonly string[], lang = "vi" as const) {
  const { view } = await readDocumentRows(db, docId);
  return ids.map((id) => {
    const c = view.starts.get(translationId(id, lang));
    return c ? `${c.status}:${c.text}` : "none";
  });
}

function listen(db: SelarasDb): RepetitionsApplied[] {
  const seen: RepetitionsApplied[] = [];
  onRepetitionsApplied(db, (a) => seen.push(a));
  return seen;
}

describe("repetitions filled on confirm", () => {
  it("fills empty and draft repetitions only, never translated, approved or locked ones", async () => {
    const { db, docId, ids } = await setup();
    const seen = listen(db);
    const vi = (i: number) => ({ segmentId: ids[i]!, lang: "vi" as const, user: "lan" });
    // The states to protect, made with the filling off (else these confirms would fill).
    await saveRepetitionSettings(db, { propagate: false });
    await saveTranslation(db, { ...vi(4), text: "Nháp cũ." }); // draft: filled
    await saveTranslation(db, { ...vi(5), text: "Đã dịch.", confirm: true }); // translated: kept
    await saveTranslation(db, { ...vi(6), text: "Đã duyệt.", confirm: true });
    await setStatus(db, {
      changes: [{ segmentId: ids[6]!, lang: "vi" }],
      action: "approve",
      user: "rina",
      role: "reviewer",
    });
    await saveRepetitionSettings(db, { propagate: true });
    expect(seen).toEqual([]);
    const before = await column(db, docId, ids);
    // Rows 0-3 are uncovered (typing row 4 stored no empty cell above it: issue 13 item 16).
    expect(before).toEqual([
      "none",
      "none",
      "none",
      "none",
      "draft:Nháp cũ.",
      "translated:Đã dịch.",
      "approved:Đã duyệt.",
    ]);

    await saveTranslation(db, { ...vi(0), text: "Giá tăng.", confirm: true });
    expect(await column(db, docId, ids)).toEqual([
      "translated:Giá tăng.",
      "none",
      "translated:Giá tăng.",
      "none",
      "translated:Giá tăng.",
      "translated:Đã dịch.",
      "approved:Đã duyệt.",
    ]);
    expect(seen).toEqual([{ docId, lang: "vi", cellId: translationId(ids[0]!, "vi"), count: 2 }]);
    // The other language is untouched.
    expect(new Set(await column(db, docId, ids, "en" as never))).toEqual(new Set(["none"]));

    // One undo step reverts the confirm and every repetition it filled; redo brings them back.
    expect((await historyState(db, docId)).undo).toMatchObject({
      label: "confirm",
      place: { segmentId: ids[0], lang: "vi" },
      segments: 3,
    });
    await undo(db, docId, "lan");
    expect(await column(db, docId, ids)).toEqual(before);
    await redo(db, docId, "lan");
    expect((await column(db, docId, ids))[2]).toBe("translated:Giá tăng.");
  });

  it("a locked draft is not filled", async () => {
    const { db, docId, ids } = await setup();
    await saveTranslation(db, { segmentId: ids[2]!, lang: "vi", text: "Khóa.", user: "lan" });
    await db.translations.update(translationId(ids[2]!, "vi"), { locked: true });
    await saveTranslation(db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Giá tăng.",
      user: "lan",
      confirm: true,
    });
    const after = await column(db, docId, ids);
    expect(after[2]).toBe("draft:Khóa.");
    expect(after[4]).toBe("translated:Giá tăng.");
  });

  it("with the project setting off, confirming fills nothing", async () => {
    const { db, docId, ids } = await setup();
    const seen = listen(db);
    expect(await getRepetitionSettings(db)).toEqual({ propagate: true });
    await saveRepetitionSettings(db, { propagate: false });
    expect(await getRepetitionSettings(db)).toEqual({ propagate: false });
    await saveTranslation(db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Giá tăng.",
      user: "lan",
      confirm: true,
    });
    const after = await column(db, docId, ids);
    expect(after.filter((c) => c === "translated:Giá tăng.")).toHaveLength(1);
    expect(seen).toEqual([]);

    // Turned on again, confirming the same text again fills what is still empty.
    await saveRepetitionSettings(db, { propagate: true });
    await saveTranslation(db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Giá tăng.",
      user: "lan",
      confirm: true,
    });
    expect((await column(db, docId, ids)).filter((c) => c === "translated:Giá tăng.")).toHaveLength(
      5,
    );
    expect(seen.map((s) => s.count)).toEqual([4]);
  });

  it("typing without confirming fills nothing", async () => {
    const { db, docId, ids } = await setup();
    await saveTranslation(db, { segmentId: ids[0]!, lang: "vi", text: "Giá tăng.", user: "lan" });
    expect((await column(db, docId, ids)).slice(1)).toEqual(ids.slice(1).map(() => "none"));
  });

  it("an alternative translation neither fills nor is filled; the mark is one undo step", async () => {
    const { db, docId, ids } = await setup();
    await setAlternative(db, { segmentId: ids[2]!, lang: "vi", alternative: true, user: "lan" });
    expect((await historyState(db, docId)).undo?.label).toBe("alternative");
    expect((await db.translations.get(translationId(ids[2]!, "vi")))?.alternative).toBe(true);
    await saveTranslation(db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Giá tăng.",
      user: "lan",
      confirm: true,
    });
    const after = await column(db, docId, ids);
    expect(after[2]).toBe("empty:");
    expect(after[4]).toBe("translated:Giá tăng.");

    // Confirming the alternative itself fills nothing either.
    await setAlternative(db, { segmentId: ids[5]!, lang: "vi", alternative: true, user: "lan" });
    await saveTranslation(db, {
      segmentId: ids[5]!,
      lang: "vi",
      text: "Giá lại tăng.",
      user: "lan",
      confirm: true,
    });
    expect((await column(db, docId, ids))[6]).toBe("translated:Giá tăng.");
    expect((await column(db, docId, ids))[2]).toBe("empty:");

    await setAlternative(db, { segmentId: ids[2]!, lang: "vi", alternative: false, user: "lan" });
    expect((await db.translations.get(translationId(ids[2]!, "vi")))?.alternative).toBeUndefined();
    await undo(db, docId, "lan");
    expect((await db.translations.get(translationId(ids[2]!, "vi")))?.alternative).toBe(true);
  });

  it("in a shared document the filled repetitions go to the outbox in the confirm's mutation", async () => {
    const { db, docId, ids } = await setup();
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
    await saveTranslation(db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Giá tăng.",
      user: "lan",
      confirm: true,
    });
    const queued = (await db.outbox.toArray()).map((r) => r.mutation);
    expect(queued).toHaveLength(1);
    const cells = queued[0]!.patches.filter((p) => p.table === "translations");
    const filled = cells.filter((p) => p.after?.text === "Giá tăng.").map((p) => p.key);
    expect(filled.sort()).toEqual([0, 2, 4, 5, 6].map((i) => translationId(ids[i]!, "vi")).sort());
    // Every cell record the command stored is the one sent.
    for (const p of cells) {
      expect(await db.translations.get(p.key)).toEqual(p.after);
    }
    // Each filled cell has its revision, sent with it.
    const revisions = queued[0]!.patches.filter((p) => p.table === "revisions");
    expect(revisions).toHaveLength(5);
  });
});
