import {
  useId,
  useMemo,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../core/model/languages.ts";
import type { SegmentationRules } from "../../core/segment/rules.ts";
import { BUILTIN_RULES } from "../../core/segment/builtin/builtin-rules.ts";
import { PLACEHOLDER } from "../../core/text/inline-marks.ts";
import { nearestStop, nextStop, proposeSplit, splitStops } from "../../core/segment/split-point.ts";
import { Dialog } from "../shared/dialog.tsx";
import { SourceText } from "./cells/source-text.tsx";
import "./grid-a11y.css";

/** A few words at the end (or start) of a text, for the spoken position of the split point. */
function wordsAt(text: string, side: "end" | "start", count = 4): string {
  const words = text.replace(PLACEHOLDER, " ").trim().split(/\s+/u).filter(Boolean);
  if (words.length <= count) return words.join(" ");
  return side === "end"
    ? `… ${words.slice(-count).join(" ")}`
    : `${words.slice(0, count).join(" ")} …`;
}

/** Text and inline codes of the source as pieces [start, end), cut at the split point. */
function pieces(text: string, offset: number) {
  const out: { start: number; end: number; code: boolean }[] = [];
  let at = 0;
  const pushText = (from: number, to: number) => {
    if (from < offset && offset < to) {
      out.push({ start: from, end: offset, code: false }, { start: offset, end: to, code: false });
    } else if (from < to) out.push({ start: from, end: to, code: false });
  };
  for (const m of text.matchAll(PLACEHOLDER)) {
    pushText(at, m.index);
    out.push({ start: m.index, end: m.index + m[0].length, code: true });
    at = m.index + m[0].length;
  }
  pushText(at, text.length);
  return out;
}

/** The text offset under a click in the split control (the caret the browser would place). */
function offsetAtPoint(e: MouseEvent<HTMLElement>): number | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  let node: Node | null = null;
  let offset = 0;
  const pos = doc.caretPositionFromPoint?.(e.clientX, e.clientY);
  if (pos) {
    node = pos.offsetNode;
    offset = pos.offset;
  } else {
    const range = document.caretRangeFromPoint?.(e.clientX, e.clientY);
    if (range) {
      node = range.startContainer;
      offset = range.startOffset;
    }
  }
  const piece = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>(
    "[data-start]",
  );
  if (!piece) return null;
  const start = Number(piece.dataset["start"]);
  if (piece.dataset["code"] === "1") return Number(piece.dataset["end"]);
  return start + (node?.nodeType === Node.TEXT_NODE ? offset : 0);
}

/**
 * Split a source segment: the split point is proposed at a real sentence boundary (the document's
 * own rules), else at the word boundary nearest the middle; the arrow keys move it by a character,
 * Ctrl+arrow by a word, a click places it; Enter splits.
 */
export function SplitDialog({
  source,
  n,
  lang = "id",
  rules = BUILTIN_RULES,
  onSplit,
  onClose,
}: {
  source: string;
  n: number;
  /** The document's source language and its effective segmentation rules. */
  lang?: Lang;
  rules?: SegmentationRules;
  onSplit: (offset: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(["grid", "a11y"]);
  const stops = useMemo(() => splitStops(source, lang), [source, lang]);
  const proposed = useMemo(() => proposeSplit(source, lang, rules), [source, lang, rules]);
  const [offset, setOffset] = useState(() => proposed?.offset ?? nearestStop(stops.chars, 0));
  const keysId = useId();
  const left = source.slice(0, offset).trim();
  const right = source.slice(offset).trim();
  const valid = left !== "" && right !== "";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onSplit(offset);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const mod = e.ctrlKey || e.metaKey || e.altKey;
    let next: number | null = null;
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      const direction = e.key === "ArrowRight" ? 1 : -1;
      next = nextStop(mod ? stops.words : stops.chars, offset, direction);
    } else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = source.length;
    else if (e.key === "Enter") {
      submit(e);
      return;
    }
    if (next === null) return;
    e.preventDefault();
    setOffset(next);
  };

  const where =
    left === ""
      ? t("a11y:split.atStart")
      : right === ""
        ? t("a11y:split.atEnd")
        : t("a11y:split.where", { before: wordsAt(left, "end"), after: wordsAt(right, "start") });

  return (
    <Dialog title={t("grid:split.title", { n })} onClose={onClose} testId="split-dialog">
      <form className="form" onSubmit={submit}>
        <div className="field">
          <span id={`${keysId}-label`}>{t("a11y:split.control")}</span>
          <div
            className="split-control"
            role="slider"
            tabIndex={0}
            data-autofocus
            data-testid="split-source"
            data-offset={offset}
            lang={lang}
            aria-labelledby={`${keysId}-label`}
            aria-describedby={`${keysId}-keys`}
            aria-valuemin={0}
            aria-valuemax={source.length}
            aria-valuenow={offset}
            aria-valuetext={where}
            aria-orientation="horizontal"
            onKeyDown={onKeyDown}
            onClick={(e) => {
              const at = offsetAtPoint(e);
              if (at !== null) setOffset(nearestStop(stops.chars, at));
            }}
          >
            {pieces(source, offset).map((p) => {
              const text = source.slice(p.start, p.end);
              const before = p.end <= offset;
              return (
                <span key={`${p.start}-${p.end}`} className="split-piece">
                  {p.start === offset && <span className="split-marker" aria-hidden="true" />}
                  <span
                    data-start={p.start}
                    data-end={p.end}
                    data-code={p.code ? "1" : "0"}
                    className={before ? "split-before" : undefined}
                  >
                    {p.code ? <SourceText text={text} /> : text}
                  </span>
                </span>
              );
            })}
            {offset === source.length && <span className="split-marker" aria-hidden="true" />}
          </div>
          <p className="split-where" data-testid="split-where" aria-hidden="true">
            {where}
          </p>
          <p className="hint" id={`${keysId}-keys`}>
            {t("a11y:split.keys")}{" "}
            {proposed &&
              t(proposed.kind === "sentence" ? "a11y:split.sentence" : "a11y:split.middle")}
          </p>
        </div>
        <ol className="split-preview" data-testid="split-preview">
          <li>{left || "…"}</li>
          <li>{right || "…"}</li>
        </ol>
        <p className="hint">{t("grid:split.note")}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t("grid:split.cancel")}
          </button>
          <button type="submit" className="primary" disabled={!valid} data-testid="split-submit">
            {t("grid:split.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
