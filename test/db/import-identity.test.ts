/**
 * Issue 13 item 5: two unrelated TMX files without a document id are two documents; a file of a
 * document that is here shows how its sources differ before the user chooses; keep writes nothing.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readMemoryFile } from "../../src/core/format/read-memory-file.ts";
import { writeJson } from "../../src/core/format/json/write-json.ts";
import { applyBundleImport, loadBundle, planBundleImport } from "../../src/db/operations/bundle.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { freshDb } from "../helpers/fresh-db.ts";

const SAMPLES = resolve(process.cwd(), "../shared/samples/tmx");
const sample = (name: string, as: string) =>
  readMemoryFile(new Uint8Array(readFileSync(resolve(SAMPLES, name))), as);

describe("import identity and collisions", () => {
  it("a second, unrelated compliance-kit TMX is a new document, not a collision", async () => {
    const db = await freshDb();
    const first = sample("lisa-compkit-ImportTest1G-utf16be.tmx", "ImportTest1G.tmx");
    await applyBundleImport(db, first.bundle, "merge", "me", first.extras);
    const second = sample("lisa-compkit-ImportTest2A-utf16le-level2.tmx", "ImportTest2A.tmx");
    const plan = await planBundleImport(db, second.bundle);
    expect(plan).toMatchObject({ newDocuments: 1, conflicts: [] });
    await applyBundleImport(db, second.bundle, "keep", "me", second.extras);
    expect(await db.documents.count()).toBe(2);
    // The first file again is recognized as what is here already.
    const again = sample("lisa-compkit-ImportTest1G-utf16be.tmx", "ImportTest1G.tmx");
    expect(await planBundleImport(db, again.bundle)).toMatchObject({
      newDocuments: 0,
      unchanged: 1,
    });
  });

  it("a collision says how the sources differ, with examples; keep imports nothing", async () => {
    const db = await freshDb();
    const [docId] = await importDocuments(db, [
      {
        title: "Berita",
        sourceLang: "id",
        text: "Satu. Dua. Tiga. Empat.",
        origin: { kind: "user" },
      },
    ]);
    const local = await loadBundle(db, [docId!]);
    const file = structuredClone(local);
    const segs = file.documents[0]!.segments;
    segs[1]!.source = "Dua lagi.";
    segs.splice(3, 1); // "Empat." removed in the file
    segs.push({ id: "new-1", paragraph: 0, source: "Lima.", targets: {} });
    const read = readMemoryFile(
      new TextEncoder().encode(
        writeJson(file, { exportedAt: new Date("2026-01-02T03:04:05Z"), toolVersion: "t" }),
      ),
      "berita.json",
    );
    const plan = await planBundleImport(db, read.bundle);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]!.sources).toEqual({
      fileSegments: 4,
      localSegments: 4,
      same: 2,
      changed: 1,
      added: 1,
      removed: 1,
      examples: [
        { kind: "changed", local: "Dua.", file: "Dua lagi." },
        { kind: "added", file: "Lima." },
        { kind: "removed", local: "Empat." },
      ],
    });
    const before = await loadBundle(db);
    const result = await applyBundleImport(db, read.bundle, "keep", "me", read.extras);
    expect(result).toEqual({ created: [], createdUnits: 0, merged: [], kept: [docId] });
    expect(await loadBundle(db)).toEqual(before);
  });
});
