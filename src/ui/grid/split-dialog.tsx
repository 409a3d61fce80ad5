import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../shared/dialog.tsx";

/** The first sentence-like boundary (". ", "? ", "; "…) as the default caret, else the middle. */
function defaultOffset(text: string): number {
  const m = /[.!?;:…]["”’)]*\s+/u.exec(text.slice(1, -1));
  return m ? m.index + 1 + m[0].length : Math.floor(text.length / 2);
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
  const [offset, setOffset] = useState(() => defaultOffset(source));
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
            rows={4}
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
