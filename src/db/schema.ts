import type { Transaction } from "dexie";
import { seedRevisionsUpgrade } from "./upgrades/v2-review-workflow.ts";
import { targetCellsUpgrade } from "./upgrades/v5-target-cells.ts";

/**
 * The version chain. Add a version; never edit or remove a shipped one (src/db/README.md).
 * test/db/schema.test.ts compares the live schema with test/fixtures/db/schema.json and checks that
 * every version with an upgrade has a before/after case.
 */
export interface SchemaVersion {
  version: number;
  name: string;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    name: "initial",
    stores: {
      documents: "id, title, updatedAt",
      segments: "id, docId, [docId+order]",
      translations: "id, docId, segmentId, [docId+lang], [docId+lang+status]",
      meta: "key",
      corpusUpdates: "path, docId",
    },
  },
  {
    version: 2,
    name: "review-workflow",
    stores: {
      revisions: "++id, translationId, docId, [docId+at]",
      history: "++seq, [docId+seq], [docId+undone]",
      comments: "id, [segmentId+lang], [docId+open]",
    },
    upgrade: seedRevisionsUpgrade,
  },
  {
    version: 3,
    name: "tmx-extras",
    stores: {
      // What an imported TMX carries beyond the model (props, notes, attributes, other languages),
      // kept per segment (key = segment id) and per document header (key = "header:<docId>").
      tmxExtras: "key, docId",
    },
  },
  {
    version: 4,
    name: "project-memory",
    stores: {
      // The project's translation memory: units imported from TM files, looked up by source text.
      memory: "++id, key",
    },
  },
  {
    version: 5,
    name: "target-cells",
    stores: {
      // Targets become cells of per-language columns (core/align-edit): a column is one range query
      // in order; a cell may cover several rows (span) or none.
      translations: "id, docId, segmentId, [docId+lang], [docId+lang+status], [docId+lang+order]",
    },
    upgrade: targetCellsUpgrade,
  },
  {
    version: 6,
    name: "team-sync",
    stores: {
      // Team sync (src/db/sync): commands on shared documents queued for the server, in order, in
      // the same transaction as the edit; one sync state per joined project.
      outbox: "++seq, projectId",
      syncState: "projectId",
      // Revisions and memory units travel by a random uid (their local numeric ids stay local);
      // a shared document names its project.
      revisions: "++id, translationId, docId, [docId+at], uid",
      memory: "++id, key, uid",
      documents: "id, title, updatedAt, projectId",
    },
  },
  {
    version: 7,
    name: "glossary",
    stores: {
      // The project glossary (core/glossary): one record per concept with its terms per language.
      glossary: "id",
    },
  },
  {
    version: 8,
    name: "qa-dismissals",
    stores: {
      // QA findings dismissed with a reason (core/qa/dismissals.ts), per document; local to this
      // browser (not synced), in the undo history and in our JSON.
      qaDismissals: "id, docId",
    },
  },
  {
    version: 9,
    name: "edit-journal",
    stores: {
      // Each keystroke's pending text, written at once (the autosave's durable journal: a browser
      // killed before the debounced save keeps it); one row per tab journal and cell, deleted
      // once the save committed; replayed at start like the localStorage journal.
      pendingEdits: "id",
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
