import type { SelarasDb } from "../database.ts";
import type { Mutation } from "../../core/sync/protocol.ts";
import type { ErrorParams } from "../../core/model/app-error.ts";
import { refusedKey } from "./outbox.ts";

/** A mutation the server refused: kept for the user to see and re-apply (meta sync:refused:<p>). */
export interface RefusedChange {
  mutation: Mutation;
  code: string;
  params: ErrorParams;
  refusedAt: string;
}

/** The refused changes listed for a project, oldest first. */
export async function refusedChanges(db: SelarasDb, projectId: string): Promise<RefusedChange[]> {
  return ((await db.meta.get(refusedKey(projectId)))?.value as RefusedChange[] | undefined) ?? [];
}

/** Removes one refused change from the list (the user re-applied or dismissed it). */
export async function dismissRefusedChange(
  db: SelarasDb,
  projectId: string,
  mutationId: number,
): Promise<void> {
  await db.transaction("rw", db.meta, async () => {
    const list = await refusedChanges(db, projectId);
    await db.meta.put({
      key: refusedKey(projectId),
      value: list.filter((r) => r.mutation.id !== mutationId),
    });
  });
}
