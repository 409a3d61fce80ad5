import { describe, expect, it, vi } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { undo } from "../../src/db/operations/history.ts";
import { cellsOf, segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { watchCells } from "../../src/db/queries/live-cells.ts";
import type { TranslationRecord } from "../../src/core/model/records.ts";
import type { SelarasDb } from "../../src/db/database.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const TEXT = Array.from({ length: 120 }, (_, i) => `Kalimat nomor ${i + 1}.`).join(" ");

async function setup() {
  const db = await freshDb();
  const [docId, otherId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text: TEXT, origin: { kind: "user" } },
    { title: "Lain", sourceLang: "id", text: "Satu. Dua.", origin: { kind: "user" } },
  ]);
  const segments = await segmentsOf(db, docId!);
  return { db, docId: docId!, otherId: otherId!, segments };
}

/** Watches a document's cells; `next()` resolves with the next array it is given. */
function watch(db: SelarasDb, docId: string) {
  const seen: (readonly TranslationRecord[])[] = [];
  const waiting: ((cells: readonly TranslationRecord[]) => void)[] = [];
  const stop = watchCells(db, docId, (cells) => {
    const w = waiting.shift();
    if (w) w(cells);
    else seen.push(cells);
  });
  const next = (): Promise<readonly TranslationRecord[]> => {
    const s = seen.shift();
    return s ? Promise.resolve(s) : new Promise((resolve) => waiting.push(resolve));
  };
  return { next, stop, seen };
}

const byId = (cells: readonly TranslationRecord[]) =>
  [...cells].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe("watchCells: a document's cells kept up to date by what each write changed", () => {
  it("reads the document once, then only the keys a save wrote", async () => {
    const { db, docId, segments } = await setup();
    for (const s of segments.slice(0, 100))
      await saveTranslation(db, { segmentId: s.id, lang: "vi", text: `vi ${s.id}`, user: "u" });
    const w = watch(db, docId);
    const first = await w.next();
    expect(first).toHaveLength(100);
    const whole = vi.spyOn(db.translations, "where");
    const bulkGet = vi.spyOn(db.translations, "bulkGet");
    await saveTranslation(db, {
      segmentId: segments[5]!.id,
      lang: "vi",
      text: "đã sửa",
      user: "u",
      cellId: `${segments[5]!.id}:vi`,
    });
    const after = await w.next();
    expect(whole).not.toHaveBeenCalled();
    expect(bulkGet).toHaveBeenCalledTimes(1);
    expect(bulkGet.mock.calls[0]![0]).toEqual([`${segments[5]!.id}:vi`]);
    expect(after).toHaveLength(100);
    expect(after.find((c) => c.id === `${segments[5]!.id}:vi`)?.text).toBe("đã sửa");
    // Unchanged cells keep their identity (the grid's memoized cells do not re-render).
    expect(after.find((c) => c.id === `${segments[6]!.id}:vi`)).toBe(
      first.find((c) => c.id === `${segments[6]!.id}:vi`),
    );
    expect(byId(after)).toEqual(byId(await cellsOf(db, docId)));
    // A new cell goes in column order (language, then order key): the row view's sort is a check.
    await saveTranslation(db, { segmentId: segments[3]!.id, lang: "en", text: "Four.", user: "u" });
    const ordered = await w.next();
    const keys = ordered.map((c) => `${c.lang}\u0000${c.order}`);
    expect(keys).toEqual([...keys].sort());
    expect(ordered).toHaveLength(102);
    w.stop();
  });

  it("follows new cells, deletions (undo) and bulk writes, and ignores other documents", async () => {
    const { db, docId, otherId, segments } = await setup();
    const w = watch(db, docId);
    expect(await w.next()).toEqual([]);
    await saveTranslation(db, { segmentId: segments[0]!.id, lang: "en", text: "One.", user: "u" });
    expect((await w.next()).map((c) => c.text)).toEqual(["One."]);
    // Undo deletes the cell the save created.
    await undo(db, docId, "u");
    expect(await w.next()).toEqual([]);
    // A write of another document's cells changes nothing here.
    const [otherSeg] = await segmentsOf(db, otherId);
    await saveTranslation(db, { segmentId: otherSeg!.id, lang: "vi", text: "Một.", user: "u" });
    // A bulk write (reported by Dexie as a range): the document is read again.
    const now = new Date().toISOString();
    await db.translations.bulkPut(
      segments.map((s, i) => ({
        id: `${s.id}:vi`,
        segmentId: s.id,
        docId,
        lang: "vi" as const,
        order: s.order,
        span: 1,
        text: `t${i}`,
        status: "draft" as const,
        origin: "typed" as const,
        confidence: null,
        locked: false,
        createdBy: "u",
        createdAt: now,
        changedBy: "u",
        changedAt: now,
      })),
    );
    let cells = await w.next();
    while (cells.length === 0) cells = await w.next();
    expect(byId(cells)).toEqual(byId(await cellsOf(db, docId)));
    expect(cells).toHaveLength(segments.length);
    expect(cells.every((c) => c.docId === docId)).toBe(true);
    w.stop();
    await saveTranslation(db, { segmentId: segments[1]!.id, lang: "en", text: "Two.", user: "u" });
    await new Promise((r) => setTimeout(r, 20));
    expect(w.seen).toEqual([]);
  });
});
