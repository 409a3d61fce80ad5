import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../core/model/languages.ts";
import { toDisplay } from "../../core/format/tmx/inline-display.ts";
import { findingFingerprint } from "../../core/qa/dismissals.ts";
import type { Severity, TextRange } from "../../core/qa/types.ts";
import type { UserPattern } from "../../core/text/user-pattern.ts";
import { useCellFindings } from "./qa-context.ts";
import type { ShownFinding } from "./qa-store.ts";
import { useFindingText } from "./use-finding-text.ts";
import "./qa.css";

/** A part of a text a finding is about, with the finding's severity (and its message, in a source). */
export interface QaMark extends TextRange {
  severity: Severity;
  title?: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** An offset into the stored text as an offset into the field's text (codes shown as ⟦n⟧). */
export function displayOffset(stored: string, offset: number, tokens: readonly string[]): number {
  return tokens.length === 0 ? offset : toDisplay(stored.slice(0, offset), tokens).length;
}

/**
 * The parts of a target to highlight, in the field's (display) offsets: the open findings with a
 * range that were found on this very text. A finding of the text as it was before the last keys
 * (checked after a pause in typing) is not drawn, as its range may no longer fit.
 */
export function targetMarks(
  findings: readonly ShownFinding[],
  source: string,
  stored: string,
  tokens: readonly string[],
): QaMark[] {
  const out: QaMark[] = [];
  for (const f of findings) {
    const r = f.finding.range;
    if (f.dismissal || !r || r.end <= r.start || r.end > stored.length) continue;
    if (findingFingerprint(f.finding, source, stored) !== f.fingerprint) continue;
    out.push({
      start: displayOffset(stored, r.start, tokens),
      end: displayOffset(stored, r.end, tokens),
      severity: f.finding.severity,
    });
  }
  return out;
}

/**
 * `text` cut where marks start and end: each piece with the worst severity of the marks over it
 * (null: none) and their messages.
 */
export function markPieces(
  text: string,
  marks: readonly QaMark[],
  offset = 0,
): { start: number; end: number; severity: Severity | null; titles: string[] }[] {
  const end = offset + text.length;
  const inside = marks.filter((m) => m.end > offset && m.start < end && m.end > m.start);
  const cuts = new Set([offset, end]);
  for (const m of inside) {
    cuts.add(Math.max(offset, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const at = [...cuts].sort((a, b) => a - b);
  const out: { start: number; end: number; severity: Severity | null; titles: string[] }[] = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const [a, b] = [at[i]!, at[i + 1]!];
    const over = inside.filter((m) => m.start <= a && m.end >= b);
    let severity: Severity | null = null;
    for (const m of over)
      if (severity === null || RANK[m.severity] < RANK[severity]) severity = m.severity;
    const titles = [...new Set(over.flatMap((m) => (m.title ? [m.title] : [])))];
    out.push({ start: a - offset, end: b - offset, severity, titles });
  }
  return out;
}

/**
 * `text` with the marked parts in a severity-coloured <mark> (wavy underline for errors, dashed
 * for warnings, dotted for notes, on a light tint); `inner` draws each piece's own text (the
 * find's matches), given where the piece starts in `text`.
 */
export function renderQaMarks(
  text: string,
  marks: readonly QaMark[],
  options: { offset?: number; inner?: (piece: string, at: number) => ReactNode } = {},
): ReactNode {
  const { offset = 0, inner = (piece: string) => piece } = options;
  const pieces = markPieces(text, marks, offset);
  if (pieces.every((p) => p.severity === null)) return inner(text, 0);
  return pieces.map((p) => {
    const piece = text.slice(p.start, p.end);
    if (p.severity === null) return <span key={p.start}>{inner(piece, p.start)}</span>;
    return (
      <mark
        key={p.start}
        className={`qa-mark qa-mark-${p.severity}`}
        data-severity={p.severity}
        title={p.titles.length > 0 ? p.titles.join("\n") : undefined}
      >
        {inner(piece, p.start)}
      </mark>
    );
  });
}

/**
 * The parts of a target its QA findings are about, drawn on a layer over the field as the find's
 * matches are (a textarea cannot hold marks): the same text, transparent, the parts underlined in
 * their severity's colour, wrapping exactly as the field does. The caret and the text stay the
 * field's own.
 */
export function QaBackdrop({
  segmentId,
  lang,
  source,
  stored,
  display,
  tokens,
}: {
  segmentId: string;
  lang: TargetLang;
  source: string;
  /** The cell's current text as stored (placeholders), which the findings' ranges point into. */
  stored: string;
  /** The same text as the field shows it. */
  display: string;
  tokens: readonly string[];
}) {
  const findings = useCellFindings(segmentId, lang);
  const marks = useMemo(
    () => targetMarks(findings, source, stored, tokens),
    [findings, source, stored, tokens],
  );
  if (marks.length === 0) return null;
  return (
    <div
      className="find-backdrop qa-backdrop"
      aria-hidden="true"
      data-qa-backdrop=""
      data-testid={`qa-highlight-${lang}`}
    >
      {renderQaMarks(display, marks)}
      {display.endsWith("\n") ? " " : null}
    </div>
  );
}

/**
 * The parts of a row's source that its targets' open findings are about (a number, URL, code or
 * term the target lacks), with the findings' messages: offsets past the row's own source (a cell
 * covering several rows is checked against their joined sources) are left out.
 */
export function useSourceQaMarks(segmentId: string | undefined, source: string): QaMark[] {
  const vi = useCellFindings(segmentId ?? "", "vi");
  const en = useCellFindings(segmentId ?? "", "en");
  const message = useFindingText();
  const { t } = useTranslation(["common"]);
  return useMemo(() => {
    if (!segmentId) return [];
    const out: QaMark[] = [];
    for (const f of [...vi, ...en]) {
      const r = f.finding.sourceRange;
      if (f.dismissal || !r || r.end <= r.start || r.end > source.length) continue;
      // Both columns' findings meet in the source: each message says whose it is.
      const title = `${t(`common:lang.${f.lang}`)}: ${message(f.finding)}`;
      out.push({ ...r, severity: f.finding.severity, title });
    }
    return out;
  }, [segmentId, source, vi, en, message, t]);
}

/**
 * A source piece's text with the QA marks over it and, inside them, the find's matches (found in
 * the whole piece, so that a mark's edge does not cut a match from the find). `at`: where the
 * piece starts in the source the marks' offsets point into.
 */
export function markSourcePiece(
  piece: string,
  at: number,
  marks: readonly QaMark[],
  pattern: UserPattern | null,
): ReactNode {
  const found = pattern ? pattern.matches(piece).filter((m) => m.end > m.index) : [];
  const findIn = (sub: string, subAt: number): ReactNode => {
    const end = subAt + sub.length;
    const here = found.filter((m) => m.end > subAt && m.index < end);
    if (here.length === 0) return sub;
    const out: ReactNode[] = [];
    let cursor = subAt;
    for (const m of here) {
      const a = Math.max(subAt, m.index);
      const b = Math.min(end, m.end);
      if (a > cursor) out.push(piece.slice(cursor, a));
      out.push(
        <mark key={a} className="find-match">
          {piece.slice(a, b)}
        </mark>,
      );
      cursor = b;
    }
    if (cursor < end) out.push(piece.slice(cursor, end));
    return out;
  };
  return renderQaMarks(piece, marks, { offset: at, inner: findIn });
}
