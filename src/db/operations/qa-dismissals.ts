import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { AppError } from "../../core/model/app-error.ts";
import { dismissalId, type QaDismissalRecord } from "../../core/qa/dismissals.ts";
import { nowIso } from "../ids.ts";
import { commitPatches, commitTables } from "./commit-patches.ts";
import type { PlacedFinding } from "../../core/qa/run-qa.ts";

export interface DismissInput {
  docId: string;
  segmentId: string;
  lang: TargetLang;
  /** The finding's fingerprint (core/qa/dismissals.ts: code, parameters and both texts). */
  fingerprint: string;
  code: string;
  reason: string;
  user: string;
}

/**
 * Dismisses a QA finding with a reason, stamped with who and when: one undoable command of the
 * document's history (Ctrl+Z brings the finding back). The reason is required
 * (`qa.reason_required`). Dismissing an already dismissed finding again replaces its reason.
 */
export async function dismissFinding(db: SelarasDb, input: DismissInput): Promise<void> {
  const reason = input.reason.trim();
  if (reason === "") throw new AppError("qa.reason_required", {});
  const id = dismissalId(input.segmentId, input.lang, input.fingerprint);
  const at = nowIso();
  await db.transaction("rw", commitTables(db), async () => {
    const before = (await db.qaDismissals.get(id)) ?? null;
    const after: QaDismissalRecord = {
      id,
      docId: input.docId,
      segmentId: input.segmentId,
      lang: input.lang,
      fingerprint: input.fingerprint,
      code: input.code,
      reason,
      by: input.user,
      at,
    };
    await commitPatches(db, [{ table: "qaDismissals", key: id, before, after }], {
      docId: input.docId,
      label: "qa-dismiss",
      user: input.user,
      at,
      action: "edit",
    });
  });
}

/** Takes a dismissal back (the finding is shown again): an undoable command too. */
export async function restoreFinding(
  db: SelarasDb,
  input: { docId: string; id: string; user: string },
): Promise<void> {
  await db.transaction("rw", commitTables(db), async () => {
    const before = await db.qaDismissals.get(input.id);
    if (!before) return;
    await commitPatches(db, [{ table: "qaDismissals", key: input.id, before, after: null }], {
      docId: input.docId,
      label: "qa-restore",
      user: input.user,
      at: nowIso(),
      action: "edit",
    });
  });
}

/** A document's dismissals (stale ones included: a text changed back revives them). */
export async function dismissalsOf(db: SelarasDb, docId: string): Promise<QaDismissalRecord[]> {
  return db.qaDismissals.where("docId").equals(docId).toArray();
}

/** dismissFinding for a finding as the QA run placed it (the cell marker's and the panel's). */
export function dismissPlaced(
  db: SelarasDb,
  f: PlacedFinding,
  reason: string,
  user: string,
): Promise<void> {
  return dismissFinding(db, {
    docId: f.documentId,
    segmentId: f.segmentId,
    lang: f.lang,
    fingerprint: f.fingerprint,
    code: f.finding.code,
    reason,
    user,
  });
}
