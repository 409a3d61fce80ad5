import { describe, expect, it } from "vitest";
import {
  addConcept,
  deleteConcept,
  exportGlossary,
  importGlossary,
  loadGlossary,
  updateConcept,
} from "../../src/db/operations/glossary.ts";
import { readGlossaryFile } from "../../src/core/glossary/glossary-file.ts";
import { AppError } from "../../src/core/model/app-error.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="id" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="k1">
      <langSec xml:lang="id"><termSec><term>tanda tangan</term></termSec></langSec>
      <langSec xml:lang="vi"><termSec><term>chữ ký</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>signature</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>`;

const CSV =
  "concept,id,vi,en,vi status\nk1,rumah,nhà,house,preferred\nk2,jalan,đường,road,forbidden\n";

describe("project glossary", () => {
  it("imports a TBX file, keeps terms and statuses, and exports TBX that reads back", async () => {
    const db = await freshDb();
    expect(await importGlossary(db, bytes(TBX), "g.tbx")).toEqual({ added: 1, duplicates: 0 });
    const { concepts } = await loadGlossary(db);
    expect(concepts).toHaveLength(1);
    expect(concepts[0]!.terms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ lang: "id", text: "tanda tangan" }),
        expect.objectContaining({ lang: "vi", text: "chữ ký", status: "preferred" }),
        expect.objectContaining({ lang: "en", text: "signature" }),
      ]),
    );
    const back = readGlossaryFile(bytes(await exportGlossary(db, "tbx")), "out.tbx").glossary;
    expect(back.concepts).toEqual(concepts);
  });

  it("imports CSV and TSV; a second import adds new concepts with fresh ids, skips duplicates", async () => {
    const db = await freshDb();
    expect(await importGlossary(db, bytes(CSV), "g.csv")).toEqual({ added: 2, duplicates: 0 });
    const tsv = "concept\tid\tvi\ten\nk1\tkantor\tvăn phòng\toffice\nk2\trumah\tnhà\thouse\n";
    expect(await importGlossary(db, bytes(tsv), "g.tsv")).toEqual({ added: 1, duplicates: 1 });
    const { concepts } = await loadGlossary(db);
    expect(concepts).toHaveLength(3);
    expect(new Set(concepts.map((c) => c.id)).size).toBe(3);
    const road = concepts.find((c) => c.terms.some((t) => t.text === "jalan"))!;
    expect(road.terms.find((t) => t.lang === "vi")!.status).toBe("forbidden");
  });

  it("a bad file leaves the glossary untouched and says why (AppError with a code)", async () => {
    const db = await freshDb();
    await importGlossary(db, bytes(CSV), "g.csv");
    const before = await loadGlossary(db);
    const bad: [string, string][] = [
      [TBX.replace("</body>", ""), "broken.tbx"],
      ["concept,id,vi,vi status\nk9,meja,bàn,maybe\n", "bad-status.csv"],
      ["", "empty.tsv"],
      ["whatever", "notes.docx"],
    ];
    for (const [text, name] of bad) {
      const error = await importGlossary(db, bytes(text), name).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).code, name).toMatch(/^(tbx|table|glossary|txt|xml)\./);
    }
    expect(await loadGlossary(db)).toEqual(before);
  });

  it("adds a concept from the dialog; refuses one without a source term or translation", async () => {
    const db = await freshDb();
    const id = await addConcept(db, {
      terms: [
        { lang: "id", text: "  anggaran  " },
        { lang: "vi", text: "ngân sách" },
        { lang: "en", text: "" },
      ],
    });
    expect((await db.glossary.get(id))!.terms).toEqual([
      { lang: "id", text: "anggaran" },
      { lang: "vi", text: "ngân sách" },
    ]);
    await expect(addConcept(db, { terms: [{ lang: "id", text: "meja" }] })).rejects.toMatchObject({
      code: "glossary.term-missing",
    });
    expect(await db.glossary.count()).toBe(1);
  });

  it("edits a concept's first term per language (other fields and terms kept), deletes it", async () => {
    const db = await freshDb();
    await importGlossary(db, bytes(TBX), "g.tbx");
    const [concept] = await db.glossary.toArray();
    await updateConcept(db, concept!.id, {
      terms: [
        { lang: "id", text: "tanda tangan" },
        { lang: "vi", text: " chữ  ký tay ", status: "forbidden" },
        { lang: "en", text: "" },
      ],
    });
    expect((await db.glossary.get(concept!.id))!.terms).toEqual([
      { lang: "id", text: "tanda tangan" },
      { lang: "vi", text: "chữ ký tay", status: "forbidden" },
    ]);
    await expect(
      updateConcept(db, concept!.id, { terms: [{ lang: "vi", text: "" }] }),
    ).rejects.toMatchObject({ code: "glossary.term-missing" });
    expect(await exportGlossary(db, "csv")).toContain("chữ ký tay");
    await deleteConcept(db, concept!.id);
    await expect(
      updateConcept(db, concept!.id, { terms: [{ lang: "vi", text: "x" }] }),
    ).rejects.toMatchObject({ code: "glossary.concept-missing" });
    expect(await db.glossary.count()).toBe(0);
  });
});
