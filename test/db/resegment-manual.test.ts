/**
 * Issue 13 item 7: re-segmentation keeps the user's manual splits and merges where the text still
 * allows, instead of silently discarding them.
 */
import { describe, expect, it } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import {
  manualBoundaries,
  mergeWithNext,
  resegmentDocument,
  splitSegment,
} from "../../src/db/operations/segment-edits.ts";
import { saveCustomSegmentation } from "../../src/db/operations/segmentation-settings.ts";
import { undo } from "../../src/db/operations/history.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { NO_CUSTOM_SEGMENTATION } from "../../src/core/segment/custom-rules.ts";
import { freshDb } from "../helpers/fresh-db.ts";

async function setup(text: string) {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Uji", sourceLang: "id", text, origin: { kind: "user" } },
  ]);
  return { db, docId: docId! };
}

const sources = async (db: Awaited<ReturnType<typeof freshDb>>, docId: string) =>
  (await segmentsOf(db, docId)).map((s) => s.source);

describe("re-segmentation and manual splits and merges", () => {
  it("re-applies a manual merge and a manual split; an undone split is not re-applied", async () => {
    const { db, docId } = await setup("Satu dua. Tiga empat. Lima enam tujuh.\nDelapan.");
    expect(await sources(db, docId)).toEqual([
      "Satu dua.",
      "Tiga empat.",
      "Lima enam tujuh.",
      "Delapan.",
    ]);
    let segs = await segmentsOf(db, docId);
    await mergeWithNext(db, docId, segs[0]!.id, "lan");
    segs = await segmentsOf(db, docId);
    await splitSegment(db, docId, segs[1]!.id, "Lima enam".length, "lan");
    segs = await segmentsOf(db, docId);
    await saveTranslation(db, {
      segmentId: segs[0]!.id,
      lang: "vi",
      text: "Một hai. Ba bốn.",
      user: "lan",
      confirm: true,
    });
    const mine = ["Satu dua. Tiga empat.", "Lima enam", "tujuh.", "Delapan."];
    expect(await sources(db, docId)).toEqual(mine);
    expect((await manualBoundaries(db, docId)).map((b) => b.kind)).toEqual(["merge", "split"]);

    // Re-segmenting with the same rules: the rules alone would undo both edits.
    expect(await resegmentDocument(db, docId, "lan")).toBe(0);
    expect(await sources(db, docId)).toEqual(mine);

    // With changed rules too (an abbreviation elsewhere), the manual boundaries stay.
    await saveCustomSegmentation(db, {
      ...NO_CUSTOM_SEGMENTATION,
      abbreviations: { id: ["dua."] },
    });
    await resegmentDocument(db, docId, "lan");
    expect(await sources(db, docId)).toEqual(mine);
    expect(await db.translations.get(`${segs[0]!.id}:vi`)).toMatchObject({
      text: "Một hai. Ba bốn.",
      status: "translated",
    });

    // The re-segmentations changed nothing, so no undo step: undo the confirm, then the split.
    expect((await undo(db, docId, "lan"))?.label).not.toBe("split");
    expect((await undo(db, docId, "lan"))?.label).toBe("split");
    expect(await sources(db, docId)).toEqual([
      "Satu dua. Tiga empat.",
      "Lima enam tujuh.",
      "Delapan.",
    ]);
    await saveCustomSegmentation(db, NO_CUSTOM_SEGMENTATION);
    await resegmentDocument(db, docId, "lan");
    expect(await sources(db, docId)).toEqual([
      "Satu dua. Tiga empat.",
      "Lima enam tujuh.",
      "Delapan.",
    ]);
  });
});
