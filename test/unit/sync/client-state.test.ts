import { describe, expect, it } from "vitest";
import { applyPulled, mergePull } from "../../../src/core/sync/client-state.ts";
import { recordId } from "../../../src/core/sync/canonical.ts";
import type { RecordChange, SyncRecord } from "../../../src/core/sync/protocol.ts";
import { cell, DOC, segment } from "./fixtures.ts";

const change = (key: string, value: SyncRecord | null, version: number): RecordChange => ({
  table: key.includes(":") ? "translations" : "segments",
  key,
  docId: DOC,
  value,
  version,
});

describe("mergePull", () => {
  it("writes the latest state per record, skips pending and equal records", () => {
    const local = new Map<string, SyncRecord>([
      [recordId("translations", "s1:vi"), cell()],
      [recordId("segments", "s1"), segment()],
    ]);
    const reordered = Object.fromEntries(Object.entries(segment()).reverse());
    const changes = [
      change("s2:vi", cell({ id: "s2:vi", text: "một" }), 3),
      change("s1", reordered, 4), // equal by content: left alone
      change("s1:vi", cell({ text: "pending" }), 5), // pending: skipped
      change("s2:vi", cell({ id: "s2:vi", text: "hai" }), 6),
      change("s3", null, 7), // absent locally, deleted on the server: nothing to do
    ];
    const pending = new Set([recordId("translations", "s1:vi")]);
    const writes = mergePull((t, k) => local.get(recordId(t, k)), changes, pending);
    expect(writes).toEqual([
      {
        table: "translations",
        key: "s2:vi",
        docId: DOC,
        value: cell({ id: "s2:vi", text: "hai" }),
      },
    ]);
  });

  it("applyPulled writes deletes and puts into the map", () => {
    const local = new Map<string, SyncRecord>([[recordId("segments", "s1"), segment()]]);
    const writes = applyPulled(
      local,
      [change("s1", null, 2), change("s2", segment({ id: "s2" }), 3)],
      new Set(),
    );
    expect(writes.map((w) => [w.key, w.value === null])).toEqual([
      ["s1", true],
      ["s2", false],
    ]);
    expect([...local.keys()]).toEqual([recordId("segments", "s2")]);
    // A competing list differing is a difference (conflict state must arrive).
    const withConflict = cell({
      competing: [{ text: "x", status: "draft", by: "R", at: "t", source: "sync" }],
    });
    local.set(recordId("translations", "s1:vi"), cell());
    expect(applyPulled(local, [change("s1:vi", withConflict, 4)], new Set())).toHaveLength(1);
    expect(local.get(recordId("translations", "s1:vi"))).toEqual(withConflict);
  });
});
