import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readMemoryFile } from "../../src/core/format/read-memory-file.ts";
import { writeTmx } from "../../src/core/format/tmx/write-tmx.ts";
import { applyBundleImport, loadBundle } from "../../src/db/operations/bundle.ts";
import { loadExtras } from "../../src/db/operations/tmx-extras.ts";
import { deleteDocument } from "../../src/db/operations/delete-document.ts";
import { freshDb } from "../helpers/fresh-db.ts";
import { readJson } from "../../src/core/format/json/read-json.ts";
import { writeJson } from "../../src/core/format/json/write-json.ts";

const SAMPLE = resolve(process.cwd(), "../shared/samples/tmx/okapi-olifant-windows1252-props.tmx");

describe("TMX metadata kept through the database", () => {
  it("props and other-language variants of an imported TMX are written back on export, also for a copy", async () => {
    const read = readMemoryFile(new Uint8Array(readFileSync(SAMPLE)), "olifant.tmx");
    expect(read.extras?.units.size).toBeGreaterThan(0);
    const db = await freshDb();
    await applyBundleImport(db, read.bundle, "keep", "me", read.extras);
    // The same file again, as a copy: fresh segment ids, metadata follows them.
    const copy = await applyBundleImport(db, read.bundle, "copy", "me", read.extras);
    for (const docId of [read.bundle.documents[0]!.id, copy.created[0]!]) {
      const bundle = await loadBundle(db, [docId]);
      const tmx = writeTmx(bundle, {
        creationTool: "t",
        creationToolVersion: "1",
        creationDate: new Date("2026-01-01T00:00:00Z"),
        extras: await loadExtras(db, [docId]),
      });
      expect(tmx).toContain('<prop type="Txt::FileName">file1</prop>');
      expect(tmx).toContain('<prop type="Txt::GroupName">group1</prop>');
      expect(tmx).toMatch(/xml:lang="FR-FR"/i);
    }
    await deleteDocument(db, copy.created[0]!);
    expect((await loadExtras(db, [copy.created[0]!])).units.size).toBe(0);
    expect((await loadExtras(db, [read.bundle.documents[0]!.id])).units.size).toBeGreaterThan(0);
  });

  it("the JSON backup carries the metadata: restored into another database, the TMX export is the same", async () => {
    const read = readMemoryFile(new Uint8Array(readFileSync(SAMPLE)), "olifant.tmx");
    const a = await freshDb();
    await applyBundleImport(a, read.bundle, "keep", "me", read.extras);
    const docId = read.bundle.documents[0]!.id;
    const tmxOf = async (db: typeof a) =>
      writeTmx(await loadBundle(db, [docId]), {
        creationTool: "t",
        creationToolVersion: "1",
        creationDate: new Date("2026-01-01T00:00:00Z"),
        extras: await loadExtras(db, [docId]),
      });
    const backup = writeJson(await loadBundle(a, [docId], undefined, { rows: true }), {
      exportedAt: new Date("2026-01-02T00:00:00Z"),
      toolVersion: "t",
    });
    expect(backup).toContain('"Txt::FileName"');
    const b = await freshDb();
    await applyBundleImport(b, readJson(backup), "keep", "me");
    const fromB = await tmxOf(b);
    expect(fromB).toContain('<prop type="Txt::GroupName">group1</prop>');
    expect(fromB).toBe(await tmxOf(a));
  });
});
