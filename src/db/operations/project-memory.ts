import type { SelarasDb } from "../database.ts";
import type { Bundle, BundleSegment } from "../../core/model/bundle.ts";
import { matchKey } from "../../core/format/match-units.ts";
import type { MemoryUnitRecord } from "../records.ts";
import { newId, nowIso } from "../ids.ts";
import { enqueueMany, joinedProjects, memorySyncRecord, outboxTables } from "../sync/outbox.ts";
import { chunkPatches } from "../sync/share.ts";
import { segmentsOf } from "../queries/segment-rows.ts";
import { rowsWithKeys } from "../queries/rows-with-keys.ts";

export interface MemoryImportResult {
  added: number;
  /** Units the memory already held with the same source and targets. */
  duplicates: number;
  /** Units skipped because they have no Vietnamese or English target (another language pair). */
  withoutTarget: number;
}

function sameTargets(a: MemoryUnitRecord["targets"], b: MemoryUnitRecord["targets"]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Adds a file's units to the project's translation memory, all or nothing. Units with no target are
 * skipped; a unit identical to one already held (same source and targets) is not added twice.
 * While this browser is in team projects, the units also go to each project's memory (outbox).
 */
export async function importIntoMemory(
  db: SelarasDb,
  bundle: Bundle,
  origin: string,
): Promise<MemoryImportResult> {
  const at = nowIso();
  return db.transaction("rw", [db.memory, ...outboxTables(db)], async () => {
    const result: MemoryImportResult = { added: 0, duplicates: 0, withoutTarget: 0 };
    const projects = await joinedProjects(db);
    const rows: MemoryUnitRecord[] = [];
    // Units already held, by key (rowsWithKeys: requests pipelined, a batch of keys at a time);
    // units of this file by key, so a repeat is found at once.
    const candidates: {
      doc: (typeof bundle.documents)[number];
      seg: BundleSegment;
      key: string;
    }[] = [];
    for (const doc of bundle.documents) {
      for (const seg of doc.segments) {
        if (Object.values(seg.targets).every((t) => !t || t.text.trim() === "")) {
          result.withoutTarget++;
          continue;
        }
        candidates.push({ doc, seg, key: matchKey(seg.source) });
      }
    }
    const held = new Map<string, MemoryUnitRecord[]>();
    for (const u of await rowsWithKeys(
      db.memory,
      "key",
      candidates.map((c) => c.key),
    )) {
      const list = held.get(u.key);
      if (list) list.push(u);
      else held.set(u.key, [u]);
    }
    for (const { doc, seg, key } of candidates) {
      const same = held.get(key);
      if (same?.some((u) => sameTargets(u.targets, seg.targets))) {
        result.duplicates++;
        continue;
      }
      const row: MemoryUnitRecord = {
        key,
        sourceLang: doc.sourceLang,
        source: seg.source,
        targets: seg.targets,
        origin,
        importedAt: at,
        ...(projects.length > 0 ? { uid: newId("m") } : {}),
      };
      rows.push(row);
      if (same) same.push(row);
      else held.set(key, [row]);
    }
    await db.memory.bulkAdd(rows);
    result.added = rows.length;
    const patches = rows.map((u) => ({
      table: "memory" as const,
      key: u.uid!,
      before: null,
      after: memorySyncRecord(u),
    }));
    for (const projectId of projects) {
      await enqueueMany(
        db,
        projectId,
        chunkPatches(patches).map((chunk) => ({
          docId: null,
          label: "memory",
          at,
          patches: chunk,
        })),
      );
    }
    return result;
  });
}

export function memorySize(db: SelarasDb): Promise<number> {
  return db.memory.count();
}

/**
 * Empties the memory of this browser. While this browser is in a team project, the units shared
 * with the team (those with a `uid`: sent to, or pulled from, a project) are kept: the team's memory
 * is append-only on the server, so removing them here would only hide them until the next member's
 * unit arrives, and nothing goes to the outbox. Without a joined project everything goes.
 */
export async function clearMemory(db: SelarasDb): Promise<{ removed: number; kept: number }> {
  return db.transaction("rw", [db.memory, db.syncState], async () => {
    const total = await db.memory.count();
    if ((await joinedProjects(db)).length === 0) {
      await db.memory.clear();
      return { removed: total, kept: 0 };
    }
    const removed = await db.memory.filter((u) => !u.uid).delete();
    return { removed, kept: total - removed };
  });
}

/**
 * The memory's units for a document's segments as a Bundle (the newest unit per source), ready for
 * planUnitMatches / applyImportIntoDocument.
 */
export async function memoryMatchesFor(db: SelarasDb, docId: string): Promise<Bundle> {
  const segments = await segmentsOf(db, docId);
  const keys = [...new Set(segments.map((s) => matchKey(s.source)))];
  const units = await rowsWithKeys(db.memory, "key", keys);
  const newest = new Map<string, MemoryUnitRecord>();
  for (const u of units) {
    const prev = newest.get(u.key);
    if (!prev || (u.id ?? 0) > (prev.id ?? 0)) newest.set(u.key, u);
  }
  const bundleSegments: BundleSegment[] = [...newest.values()].map((u, i) => ({
    id: `memory-${u.id ?? i}`,
    paragraph: 0,
    source: u.source,
    targets: u.targets,
  }));
  return {
    documents: [{ id: "project-memory", title: "", sourceLang: "id", segments: bundleSegments }],
  };
}
