import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import type { TranslationRecord } from "../../core/model/records.ts";
import type { RecordPatch } from "../../core/edit/patch.ts";
import { anyRepetition, planRepetitions } from "../../core/tm/repetitions.ts";
import { nowIso } from "../ids.ts";
import { cellContext, commandCell, readColumn, rowCellPatches } from "./cells.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";

/** The project's repetition settings (meta `repetitions`). */
export interface RepetitionSettings {
  /** Confirming a segment fills its Empty and Draft repetitions (on unless turned off). */
  propagate: boolean;
}

export const DEFAULT_REPETITION_SETTINGS: RepetitionSettings = { propagate: true };

const KEY = "repetitions";

export async function getRepetitionSettings(db: SelarasDb): Promise<RepetitionSettings> {
  const value = (await db.meta.get(KEY))?.value as Partial<RepetitionSettings> | undefined;
  // Unknown or missing fields take their defaults (a setting stored by another version).
  return {
    propagate:
      typeof value?.propagate === "boolean"
        ? value.propagate
        : DEFAULT_REPETITION_SETTINGS.propagate,
  };
}

export async function saveRepetitionSettings(
  db: SelarasDb,
  settings: RepetitionSettings,
): Promise<void> {
  await db.meta.put({ key: KEY, value: { propagate: settings.propagate } });
}

/**
 * Inside a confirm's transaction (over `commitTables(db)` and `db.meta`): the patches that give the
 * confirmed cell's Empty and Draft repetitions its text, for the same command (one undo step, one
 * outbox mutation), and how many repetitions they fill. `column` is the language's column as the
 * confirm leaves it (read when absent).
 */
export async function repetitionPatchesFor(
  db: SelarasDb,
  confirmed: TranslationRecord,
  ctx: { user: string; at: string; column?: readonly TranslationRecord[] },
): Promise<{ patches: RecordPatch[]; count: number }> {
  const none = { patches: [], count: 0 };
  if (confirmed.span !== 1 || confirmed.alternative || confirmed.text.trim() === "") return none;
  if (!(await getRepetitionSettings(db)).propagate) return none;
  const segments = await db.segments
    .where("[docId+order]")
    .between([confirmed.docId, ""], [confirmed.docId, "\uffff"])
    .toArray();
  const sources = segments.map((s) => s.source);
  // Most documents repeat nothing: then the column is not read at all.
  if (!anyRepetition(sources)) return none;
  const stored = ctx.column ?? (await readColumn(db, confirmed.docId, confirmed.lang));
  const column = stored.map((c) => (c.id === confirmed.id ? confirmed : c));
  const plan = planRepetitions({
    rowIds: segments.map((s) => s.id),
    sources,
    column,
    cellId: confirmed.id,
    ref: { docId: confirmed.docId, lang: confirmed.lang },
    ctx: cellContext(ctx.user, ctx.at),
  });
  return {
    patches: plan.patches.map((p): RecordPatch => ({ table: "translations", ...p })),
    count: plan.rows.length,
  };
}

/** How many repetitions a confirm filled, announced after its transaction committed. */
export interface RepetitionsApplied {
  docId: string;
  lang: TargetLang;
  /** The confirmed cell. */
  cellId: string;
  count: number;
}

type Listener = (applied: RepetitionsApplied) => void;
const listeners = new WeakMap<SelarasDb, Set<Listener>>();

/** Calls `listener` after each confirm (of this page) that filled repetitions; returns the unsubscribe. */
export function onRepetitionsApplied(db: SelarasDb, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function announceRepetitions(db: SelarasDb, applied: RepetitionsApplied): void {
  if (applied.count === 0) return;
  for (const l of listeners.get(db) ?? []) l(applied);
}

export interface SetAlternativeInput {
  /** The row. */
  segmentId: string;
  lang: TargetLang;
  /** The cell shown in the row, when the caller knows it. */
  cellId?: string;
  alternative: boolean;
  user: string;
  at?: string;
}

/**
 * Marks a cell as an alternative translation (or not): one undoable command, synced like any
 * other; its text and status stay as they are.
 */
export async function setAlternative(db: SelarasDb, input: SetAlternativeInput): Promise<void> {
  const at = input.at ?? nowIso();
  await db.transaction("rw", commitTables(db), async () => {
    const { docId, cell, patches: made } = await commandCell(db, input, at);
    if (!!cell.alternative === input.alternative && made.length === 0) return;
    const { alternative: _was, ...rest } = cell;
    const after: TranslationRecord = {
      ...rest,
      ...(input.alternative ? { alternative: true } : {}),
      changedBy: input.user,
      changedAt: at,
    };
    const patches: RecordPatch[] =
      made.length > 0
        ? rowCellPatches(made, after)
        : [{ table: "translations", key: after.id, before: cell, after }];
    await commitPatches(db, patches, {
      docId,
      label: "alternative",
      user: input.user,
      at,
      action: "edit",
    });
  });
}
