import { statusAfterEdit } from "../model/status.ts";
import type { AlignLink, AlignmentPlan } from "../align/types.ts";
import { AppError } from "../model/app-error.ts";
import { initialKeys } from "../model/order-key.ts";
import { sameCell, type CellPatch } from "./cell-patch.ts";
import { joinTexts } from "./column.ts";
import type { CellEditContext, ColumnRef, TargetCell } from "./types.ts";

/** A cell made from one aligner link: span = its source sentences, text = its target sentences. */
function cellFromLink(
  link: AlignLink,
  targetSentences: readonly string[],
  order: string,
  ctx: CellEditContext & ColumnRef,
): TargetCell {
  return cellOfLink(link, joinTexts(link.target.map((t) => targetSentences[t] ?? "")), order, ctx);
}

/** A cell for an aligner link with the given text (origin "alignment", Draft or Empty). */
export function cellOfLink(
  link: AlignLink,
  text: string,
  order: string,
  ctx: CellEditContext & ColumnRef,
): TargetCell {
  return {
    id: ctx.newId(),
    docId: ctx.docId,
    lang: ctx.lang,
    order,
    span: link.source.length,
    text,
    status: statusAfterEdit(text),
    origin: "alignment",
    confidence: link.confidence,
    locked: false,
    createdBy: ctx.user,
    createdAt: ctx.at,
    changedBy: ctx.user,
    changedAt: ctx.at,
  };
}

/** AppError("align-edit.plan-mismatch") when the plan was made for other texts. */
export function checkPlanFits(plan: AlignmentPlan, rowCount: number, sentenceCount: number): void {
  if (plan.sourceCount !== rowCount || plan.targetCount !== sentenceCount) {
    throw new AppError("align-edit.plan-mismatch", {
      rows: rowCount,
      sentences: sentenceCount,
      planRows: plan.sourceCount,
      planSentences: plan.targetCount,
    });
  }
}

/**
 * Checks that the links tile both sides in order (each link's sentences follow the previous link's
 * ones), as the aligner promises; AppError("align-edit.invalid-plan", { index }) otherwise.
 * Returns where the links end on each side.
 */
export function checkPlanLinks(links: readonly AlignLink[]): { source: number; target: number } {
  let s = 0;
  let t = 0;
  links.forEach((link, index) => {
    const run = (ids: readonly number[], from: number): boolean =>
      ids.every((v, k) => v === from + k);
    if (
      link.source.length + link.target.length === 0 ||
      !run(link.source, s) ||
      !run(link.target, t)
    ) {
      throw new AppError("align-edit.invalid-plan", { index });
    }
    s += link.source.length;
    t += link.target.length;
  });
  return { source: s, target: t };
}

/**
 * The target column for one language from the aligner's result: one cell per link, in order, with
 * span = its number of source sentences, text = its target sentences joined by a space, origin
 * "alignment", status Draft (Empty for a 1-0 link) and the link's confidence.
 * AppError("align-edit.plan-mismatch") when the plan was made for other texts.
 */
export function cellsFromAlignment(
  plan: AlignmentPlan,
  targetSentences: readonly string[],
  rowCount: number,
  ctx: CellEditContext & ColumnRef,
): TargetCell[] {
  checkPlanFits(plan, rowCount, targetSentences.length);
  const end = checkPlanLinks(plan.links);
  if (end.source !== rowCount || end.target !== targetSentences.length) {
    throw new AppError("align-edit.invalid-plan", { index: plan.links.length });
  }
  const keys = initialKeys(plan.links.length);
  return plan.links.map((link, k) => cellFromLink(link, targetSentences, keys[k]!, ctx));
}

/**
 * The patches that turn one column into another (cells matched by id): what a whole-column replace
 * (a first alignment over an existing column, a re-alignment) stores as one undoable command.
 */
export function replaceColumn(
  before: readonly TargetCell[],
  after: readonly TargetCell[],
): CellPatch[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const patches: CellPatch[] = [];
  const kept = new Set<string>();
  for (const c of after) {
    kept.add(c.id);
    const prev = old.get(c.id) ?? null;
    if (!sameCell(prev, c)) patches.push({ key: c.id, before: prev, after: c });
  }
  const removed = before.filter((c) => !kept.has(c.id));
  return [...removed.map((c): CellPatch => ({ key: c.id, before: c, after: null })), ...patches];
}
