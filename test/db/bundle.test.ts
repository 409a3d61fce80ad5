import { describe, expect, it } from "vitest";
import { applyBundleImport, loadBundle, planBundleImport } from "../../src/db/operations/bundle.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import type { Bundle } from "../../src/core/model/bundle.ts";
import { freshDb } from "../helpers/fresh-db.ts";

async function populated() {
  const db = await freshDb();
  const [docId] = await importDocuments(db, [
    { title: "Dokumen", sourceLang: "id", text: "Satu. Dua.\nTiga.", origin: { kind: "user" } },
  ]);
  const segs = await segmentsOf(db, docId!);
  await saveTranslation(db, {
    segmentId: segs[0]!.id,
    lang: "vi",
    text: "Một.",
    user: "lan",
    confirm: true,
  });
  await saveTranslation(db, { segmentId: segs[2]!.id, lang: "en", text: "Three.", user: "tom" });
  return { db, docId: docId! };
}

describe("bundle import/export", () => {
  it("loadBundle → applyBundleImport into an empty database restores the same bundle", async () => {
    const { db } = await populated();
    const bundle = await loadBundle(db);
    expect(bundle.documents[0]?.segments.map((s) => Object.keys(s.targets))).toEqual([
      ["vi"],
      [],
      ["en"],
    ]);
    const other = await freshDb();
    expect(await planBundleImport(other, bundle)).toEqual({
      newDocuments: 1,
      unchanged: 0,
      conflicts: [],
    });
    await applyBundleImport(other, bundle, "keep", "me");
    expect(await loadBundle(other)).toEqual(bundle);
  });

  it("plans a conflict when the file would change existing work, and 'keep' changes nothing", async () => {
    const { db } = await populated();
    const bundle = await loadBundle(db);
    expect(await planBundleImport(db, bundle)).toMatchObject({ unchanged: 1, conflicts: [] });
    const edited: Bundle = structuredClone(bundle);
    edited.documents[0]!.segments[0]!.targets.vi = { text: "Khác.", status: "draft" };
    const plan = await planBundleImport(db, edited);
    expect(plan.conflicts).toEqual([
      expect.objectContaining({ docId: bundle.documents[0]!.id, changedTargets: 1 }),
    ]);
    const result = await applyBundleImport(db, edited, "keep", "me");
    expect(result.kept).toHaveLength(1);
    expect(await loadBundle(db)).toEqual(bundle);
  });

  it("'copy' imports a second document with fresh ids; 'merge' keeps a local text the file's author never saw and adds the file's as competing", async () => {
    const { db } = await populated();
    const bundle = await loadBundle(db);
    const edited: Bundle = structuredClone(bundle);
    edited.documents[0]!.segments[0]!.targets.vi = { text: "Khác.", status: "draft" };

    const copy = await applyBundleImport(db, edited, "copy", "me");
    expect(copy.created).toHaveLength(1);
    expect(copy.created[0]).not.toBe(bundle.documents[0]!.id);
    expect(await db.documents.count()).toBe(2);
    expect(await db.segments.count()).toBe(6);

    const localText = bundle.documents[0]!.segments[0]!.targets.vi?.text;
    const merged = await applyBundleImport(db, edited, "merge", "me");
    expect(merged.merged[0]?.conflicts).toBe(localText ? 1 : 0);
    const after = await loadBundle(db, [bundle.documents[0]!.id], undefined, { rows: true });
    const vi = after.documents[0]?.segments[0]?.targets.vi;
    if (localText) {
      expect(vi?.text).toBe(localText);
      expect(vi?.competing?.map((c) => [c.text, c.source])).toEqual([["Khác.", "import"]]);
    } else expect(vi?.text).toBe("Khác.");
    expect(await db.segments.count()).toBe(6);
  });

  it("is all-or-nothing: a failing document leaves the database unchanged", async () => {
    const { db } = await populated();
    const before = await loadBundle(db);
    const bad: Bundle = structuredClone(before);
    bad.documents[0]!.id = "fresh-doc";
    bad.documents.unshift({ ...structuredClone(before.documents[0]!), id: "another" });
    bad.documents[0]!.segments = bad.documents[0]!.segments.map((s) => ({ ...s, id: `n-${s.id}` }));
    // Two segments with one id in the second document: its add fails inside the transaction.
    // (Ids another document has are not a failure: such a document gets fresh ones.)
    const second = bad.documents[1]!;
    second.segments = second.segments.map((s) => ({ ...s, id: `m-${s.id}` }));
    second.segments[1]!.id = second.segments[0]!.id;
    await expect(applyBundleImport(db, bad, "keep", "me")).rejects.toThrow();
    expect(await loadBundle(db)).toEqual(before);
    expect(await db.documents.count()).toBe(1);
  });
});
