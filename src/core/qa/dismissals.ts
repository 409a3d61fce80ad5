import type { TargetLang } from "../model/languages.ts";
import { hashText } from "../util/hash.ts";
import type { QaFinding } from "./types.ts";

/**
 * A finding dismissed by a person, with a reason and a stamp. It holds while the source and the
 * target text stay as they were: its `fingerprint` covers them, so an edit brings the finding back.
 */
export interface QaDismissal {
  segmentId: string;
  lang: TargetLang;
  fingerprint: string;
  reason: string;
  by: string;
  at: string;
}

/**
 * A dismissal as stored (db table `qaDismissals`, JSON export): keyed by cell and fingerprint, with
 * the finding's code so that a person reading the list knows what was dismissed.
 */
export interface QaDismissalRecord extends QaDismissal {
  /** `${segmentId}:${lang}:${fingerprint}` (dismissalId). */
  id: string;
  docId: string;
  code: string;
}

export const dismissalId = (segmentId: string, lang: TargetLang, fingerprint: string) =>
  `${segmentId}:${lang}:${fingerprint}`;

/**
 * Parameters that describe the rest of the document rather than this text (the document's usual
 * length ratio, the other variants of a source): they change when other rows change, so they are
 * not part of a finding's identity (a dismissed length finding stays dismissed while the document
 * grows).
 */
const CONTEXT_PARAMS: Readonly<Record<string, readonly string[]>> = {
  "length.long": ["typical"],
  "length.short": ["typical"],
  "consistency.source": ["count", "others"],
  "consistency.target": ["count", "others"],
};

/**
 * Identity of one finding on one text: the code, its parameters about this text and the texts it
 * was found on (an edit of the source or the target makes a new finding).
 */
export function findingFingerprint(finding: QaFinding, source: string, target: string): string {
  const skip = CONTEXT_PARAMS[finding.code] ?? [];
  const params = Object.keys(finding.params)
    .filter((k) => !skip.includes(k))
    .sort()
    .map((k) => `${k}=${String(finding.params[k])}`)
    .join("\u0001");
  return hashText(`${finding.code}\u0002${params}\u0002${source}\u0002${target}`);
}

export interface Dismissable {
  segmentId: string;
  lang: TargetLang;
  fingerprint: string;
}

/** Splits findings into those still shown and those dismissed (with the dismissal). */
export function applyDismissals<T extends Dismissable>(
  items: readonly T[],
  dismissals: readonly QaDismissal[],
): { shown: T[]; dismissed: { item: T; dismissal: QaDismissal }[] } {
  const byKey = new Map(
    dismissals.map((d) => [`${d.segmentId}\u0001${d.lang}\u0001${d.fingerprint}`, d]),
  );
  const shown: T[] = [];
  const dismissed: { item: T; dismissal: QaDismissal }[] = [];
  for (const item of items) {
    const d = byKey.get(`${item.segmentId}\u0001${item.lang}\u0001${item.fingerprint}`);
    if (d) dismissed.push({ item, dismissal: d });
    else shown.push(item);
  }
  return { shown, dismissed };
}

/** Dismissals whose finding still exists (the others are stale: the text changed). */
export function liveDismissals(
  dismissals: readonly QaDismissal[],
  items: readonly Dismissable[],
): QaDismissal[] {
  const keys = new Set(items.map((i) => `${i.segmentId}\u0001${i.lang}\u0001${i.fingerprint}`));
  return dismissals.filter((d) => keys.has(`${d.segmentId}\u0001${d.lang}\u0001${d.fingerprint}`));
}
