import { describe, expect, it } from "vitest";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import {
  applyImportIntoDocument,
  planImportIntoDocument,
} from "../../src/db/operations/import-into-document.ts";
import { undo } from "../../src/db/operations/history.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import type { Bundle } from "../../src/core/model/bundle.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const file: Bundle = {
  documents: [
    {
      id: "other",
      title: "TM",
      sourceLang: "id",
      segments: [
        {
          id: "u1",
          paragraph: 0,
          source: "Satu.",
          targets: {
            vi: {
              text: "Một.",
              status: "approved",
              createdBy: "lan",
              changedBy: "rina",
              changedAt: "2026-02-01T00:00:00.000Z",
            },
          },
        },
        {
          id: "u2",
          paragraph: 0,
          source: "Dua.",
          targets: { vi: { text: "Hai (TM).", status: "translated" } },
        },
      ],
    },
  ],
};

describe("import translations into a document", () => {
  it("fills empty targets with statuses and authors from the file; replaces only when asked; undoable", async () => {
    const db = await freshDb();
    const [docId] = await importDocuments(db, [
      { title: "Doc", sourceLang: "id", text: "Satu. Dua. Tiga.", origin: { kind: "user" } },
    ]);
    const segs = await segmentsOf(db, docId!);
    await saveTranslation(db, { segmentId: segs[1]!.id, lang: "vi", text: "Hai.", user: "me" });

    const plan = await planImportIntoDocument(db, docId!, file);
    expect(plan).toMatchObject({ matchedSegments: 2, same: 0, unmatchedUnits: 0 });
    expect(plan.fills).toHaveLength(1);
    expect(plan.changes).toHaveLength(1);

    // Row 1's cell was typed with row 0 uncovered (a gap): filling row 0 writes its cell and
    // removes the gap (two records; before issue 13 item 16 row 0 held a stored empty cell).
    expect(await applyImportIntoDocument(db, docId!, file, false, "me")).toBe(2);
    expect(await db.translations.get(`${segs[0]!.id}:vi`)).toMatchObject({
      text: "Một.",
      status: "approved",
      createdBy: "lan",
      changedBy: "rina",
    });
    expect((await db.translations.get(`${segs[1]!.id}:vi`))?.text).toBe("Hai.");

    expect(await applyImportIntoDocument(db, docId!, file, true, "me")).toBe(1);
    expect((await db.translations.get(`${segs[1]!.id}:vi`))?.text).toBe("Hai (TM).");
    await undo(db, docId!, "me");
    expect((await db.translations.get(`${segs[1]!.id}:vi`))?.text).toBe("Hai.");
  });
});
