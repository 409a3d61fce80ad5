import type { SelarasDb } from "../database.ts";
import type { SyncPatch } from "../../core/sync/protocol.ts";
import { enqueueMany, joinedProjects } from "./outbox.ts";

/** Most concept patches in one glossary mutation (an import of a large file is several). */
export const GLOSSARY_MUTATION_PATCHES = 2_000;

/**
 * Queues glossary patches for every project this browser syncs, inside the caller's rw transaction
 * (over outboxTables(db)): the glossary is project-wide, like the memory, so the mutations have no
 * document. Nothing is queued while no project is joined.
 */
export async function enqueueGlossary(
  db: SelarasDb,
  patches: readonly SyncPatch[],
  label: string,
  at: string,
): Promise<void> {
  if (patches.length === 0) return;
  const projects = await joinedProjects(db);
  if (projects.length === 0) return;
  const drafts = [];
  for (let i = 0; i < patches.length; i += GLOSSARY_MUTATION_PATCHES) {
    drafts.push({
      docId: null,
      label,
      at,
      patches: patches.slice(i, i + GLOSSARY_MUTATION_PATCHES),
    });
  }
  for (const projectId of projects) await enqueueMany(db, projectId, drafts);
}
