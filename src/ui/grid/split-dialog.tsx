import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../shared/dialog.tsx";

/**
 * Where the caret starts: after the first sentence-like stop (". ", "? ", "; "…), else after the
 * clause mark (", ") nearest the middle, else at the word boundary nearest the middle.
 */
export function defaultSplitOffset(text: string): number {
  const stop = /[.!?;:…]["”’)]*\s+/u.exec(text.slice(1, -1));
  if (stop) return stop.index + 1 + stop[0].length;
  const middle = text.length / 2;
  const nearest = (re: RegExp) => {
    let best = -1;
    for (const m of text.matchAll(re)) {
      const at = (m.index ?? 0) + m[0].length;
      if (
        at > 0 &&
        at < text.length &&
        (best < 0 || Math.abs(at - middle) < Math.abs(best - middle))
      )
        best = at;
    }
    return best;
  };
  const clause = nearest(/[,—–]\s+/gu);
  if (clause > 0) return clause;
  const space = nearest(/\s+/gu);
  return space > 0 ? space : Math.floor(middle);
}

/** Split a source segment: place the caret in the read-only text, see both parts, confirm with Enter. */
export function SplitDialog({
  source,
  n,
  onSplit,
  onClose,
}: {
  source: string;
  n: number;
  onSplit: (offset: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation("grid");
  const [offset, setOffset] = useState(() => defaultSplitOffset(source));
  const ref = useRef<HTMLTextAreaElement>(null);
  const left = source.slice(0, offset).trim();
  const right = source.slice(offset).trim();
  const valid = left !== "" && right !== "";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onSplit(offset);
  };

  return (
    <Dialog title={t("split.title", { n })} onClose={onClose} testId="split-dialog">
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span>{t("split.caretHint")}</span>
          <textarea
            ref={(el) => {
              ref.current = el;
              if (el && document.activeElement !== el) {
                el.focus();
                el.setSelectionRange(offset, offset);
              }
            }}
            readOnly
            rows={6}
            data-testid="split-source"
            value={source}
            onSelect={(e) => setOffset(e.currentTarget.selectionStart)}
            onKeyDown={(e) => {
              if (e.key === "Enter") submit(e);
            }}
          />
        </label>
        <ol className="split-preview" data-testid="split-preview">
          <li>{left || "…"}</li>
          <li>{right || "…"}</li>
        </ol>
        <p className="hint">{t("split.note")}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t("split.cancel")}
          </button>
          <button type="submit" className="primary" disabled={!valid} data-testid="split-submit">
            {t("split.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
